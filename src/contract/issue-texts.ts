import { uiLocale } from './localize.js';
import type { Locale } from './types.js';

/**
 * The contract's checks word what they expected and found in English (the CLI's language and
 * the words of the schema); an element in German shows the same details in German. Each entry
 * translates one template of `schema-issues.ts`, `cross-checks.ts`, `version.ts`, `issues.ts`
 * (`describeValue`) or the loaders; anything else is left as it was written.
 */
const JSON_TYPES: Record<string, string> = { string: 'Text', number: 'Zahl', integer: 'ganze Zahl', object: 'Objekt', array: 'Liste', boolean: 'Wahrheitswert', null: 'null' };
const HTTP_STATUS: Record<string, string> = { '401': 'nicht angemeldet', '403': 'verboten', '404': 'nicht gefunden', '410': 'entfernt', '500': 'Serverfehler', '502': 'Serverfehler', '503': 'Server nicht verfügbar', '504': 'Zeitüberschreitung am Server' };

const DAMAGED_HEADER: [RegExp, string][] = [
  [/^its table lies outside it$/, 'seine Tabelle liegt außerhalb'],
  [/^its table layout lies outside it$/, 'seine Tabellenstruktur liegt außerhalb'],
  [/^a field lies outside it$/, 'ein Feld liegt außerhalb'],
  [/^(.+?) features$/, '$1 Objekte'],
  [/^geometry type (\d+)$/, 'Geometrietyp $1'],
  [/^(.+?) columns in (.+?) bytes$/, '$1 Spalten in $2 Bytes'],
  [/^an envelope of (.+?) numbers$/, 'eine Umgrenzung aus $1 Zahlen'],
  [/^an index node size of 1$/, 'eine Indexknotengröße von 1'],
];

type Replacement = string | ((match: string, ...groups: string[]) => string);

const GERMAN: [RegExp, Replacement][] = [
  // values (describeValue)
  [/^nothing$/, 'nichts'],
  [/^it missing$/, 'keine Angabe'],
  [/^none$/, 'keine'],
  [/^an array of (\d+)$/, 'eine Liste mit $1 Einträgen'],
  [/^an object with (.*)$/, 'ein Objekt mit $1'],
  [/^an empty object$/, 'ein leeres Objekt'],
  [/^the string (".*")$/, 'den Text $1'],
  [/^the number (.*)$/, 'die Zahl $1'],
  [/^boolean (true|false)$/, 'den Wahrheitswert $1'],
  // schema expectations
  [/^the property "(.*)"$/, 'die Eigenschaft „$1“'],
  [/^a whole number$/, 'eine ganze Zahl'],
  [/^a value of type (\w+)$/, (_, type) => `einen Wert vom Typ ${JSON_TYPES[type] ?? type}`],
  [/^an http\(s\) URL$/, 'eine http(s)-Adresse'],
  [/^a contract version "1\.MINOR", e\.g\. (".*")$/, 'eine Vertragsversion „1.MINOR“, z. B. $1'],
  [/^text matching (.*)$/, 'Text nach dem Muster $1'],
  [/^a number (≥|≤) (.*)$/, 'eine Zahl $1 $2'],
  [/^at least (\d+) item\(s\)$/, 'mindestens $1 Einträge'],
  [/^at most (\d+) item\(s\)$/, 'höchstens $1 Einträge'],
  [/^non-empty text$/, 'einen nicht leeren Text'],
  [/^text of at least (\d+) characters$/, 'Text mit mindestens $1 Zeichen'],
  [/^text of at most (\d+) characters$/, 'Text mit höchstens $1 Zeichen'],
  [/^no duplicate items$/, 'keine doppelten Einträge'],
  [/^exactly one of the allowed forms$/, 'genau eine der erlaubten Formen'],
  [/^a non-empty string or an object of non-empty texts by language tag, e\.g\. (.*)$/, 'einen nicht leeren Text oder ein Objekt mit Texten je Sprachkürzel, z. B. $1'],
  [/^a number, null \(missing\) or (.*)$/, 'eine Zahl, null (fehlt) oder $1'],
  [/^no unknown property \(check the spelling\)$/, 'keine unbekannte Eigenschaft (Schreibweise prüfen)'],
  [/^the unknown property "(.*)"$/, 'die unbekannte Eigenschaft „$1“'],
  // cross-checks
  [/^a unique (.*)$/, 'eine eindeutige Angabe ($1)'],
  [/^the duplicate (.*) "(.*)"$/, 'die doppelte Angabe ($1) „$2“'],
  [/^the id of a level \((.*)\)$/, 'die Kennung einer Ebene ($1)'],
  [/^the unknown level "(.*)"$/, 'die unbekannte Ebene „$1“'],
  [/^the id of an indicator in \$\.indicators$/, 'die Kennung eines Indikators aus $.indicators'],
  [/^the unknown indicator "(.*)"$/, 'den unbekannten Indikator „$1“'],
  [/^a published indicator \(.*\)$/, 'einen veröffentlichten Indikator (der Build ist öffentlich; die Ansicht zeigte sonst ihren Text zu einem unveröffentlichten)'],
  [/^the unpublished indicator "(.*)"$/, 'den unveröffentlichten Indikator „$1“'],
  [/^levels that nest without a cycle$/, 'Ebenen, die ohne Kreis ineinander liegen'],
  [/^a cycle through "(.*)"$/, 'einen Kreis über „$1“'],
  [/^the key of its area in level "(.*)"$/, 'den Schlüssel seines Gebiets auf der Ebene „$1“'],
  [/^a key of level "(.*)"$/, 'einen Schlüssel der Ebene „$1“'],
  [/^the unknown key "(.*)"$/, 'den unbekannten Schlüssel „$1“'],
  [/^a year that at least one indicator has$/, 'ein Jahr, das mindestens ein Indikator hat'],
  [/^the year (\d+)$/, 'das Jahr $1'],
  [/^the id of a topic in \$\.topics$/, 'die Kennung eines Themas aus $.topics'],
  [/^the unknown topic "(.*)"$/, 'das unbekannte Thema „$1“'],
  [/^one of the years of indicator "(.*)" \((.*)\)$/, 'eines der Jahre des Indikators „$1“ ($2)'],
  [/^one of the levels of indicator "(.*)" \((.*)\)$/, 'eine der Ebenen des Indikators „$1“ ($2)'],
  [/^the level "(.*)"$/, 'die Ebene „$1“'],
  [/^one value block per indicator, level and year$/, 'einen Werteblock je Indikator, Ebene und Jahr'],
  [/^a second block for (.*)$/, 'einen zweiten Block für $1'],
  [/^a key of an area of level "(.*)"$/, 'einen Gebietsschlüssel der Ebene „$1“'],
  [/^the unknown area key "(.*)"$/, 'den unbekannten Gebietsschlüssel „$1“'],
  [/^a key of an area of the bookmark's level$/, 'einen Gebietsschlüssel der Ebene der gespeicherten Ansicht'],
  [/^at least one POI category when POI sources are given$/, 'mindestens eine POI-Kategorie, wenn POI-Quellen angegeben sind'],
  // versions and origins
  [/^contract (\d+)\.x$/, 'Vertrag $1.x'],
  [/^contract (\S+): this atlas uses contract (\S+); this library reads (\S+) — update keck-atlas$/, 'Vertrag $1: dieser Atlas folgt Vertrag $2, diese Bibliothek liest $3 — bitte keck-atlas aktualisieren'],
  [/^a URL on (\S+) or an allowed origin \((.*)\)$/, 'eine Adresse auf $1 oder einem erlaubten Ursprung ($2)'],
  [/^a URL on (\S+)$/, 'eine Adresse auf $1'],
  // geometry
  [/^the key of an area of level "(.*)"$/, 'den Schlüssel eines Gebiets der Ebene „$1“'],
  [/^a Polygon or MultiPolygon$/, 'ein Polygon oder MultiPolygon'],
  [/^a shape for every area of level "(.*)"$/, 'eine Fläche für jedes Gebiet der Ebene „$1“'],
  [/^no shape for (.*) and (\d+) more$/, 'keine Fläche für $1 und $2 weitere'],
  [/^no shape for (.*)$/, 'keine Fläche für $1'],
  [/^a level "(.*)" with geometry$/, 'eine Ebene „$1“ mit Geometrie'],
  [/^a level without geometry$/, 'eine Ebene ohne Geometrie'],
  [/^no such level$/, 'keine solche Ebene'],
  // FlatGeobuf files (flatgeobuf-guard.ts, flatgeobuf-reader.ts, load-pois.ts)
  [/^a FlatGeobuf file$/, 'eine FlatGeobuf-Datei'],
  [/^a file of only (.+?) bytes$/, 'eine Datei von nur $1 Bytes'],
  [/^a header that declares a spatial index over 0 features$/, 'einen Kopf, der einen räumlichen Index über 0 Objekte angibt'],
  [/^a header that declares an index of (.+?) bytes and (.+?) features in a file of (.+?) bytes$/, 'einen Kopf, der einen Index von $1 Bytes und $2 Objekte in einer Datei von $3 Bytes angibt'],
  [/^a header that declares (.+?) features in a file of (.+?) bytes$/, 'einen Kopf, der $1 Objekte in einer Datei von $2 Bytes angibt'],
  [/^a header that declares (.+?) bytes in a file of (.+?) bytes$/, 'einen Kopf, der $1 Bytes in einer Datei von $2 Bytes angibt'],
  [/^a file that ends inside its header \((.+?) of (.+?) bytes\)$/, 'eine Datei, die in ihrem Kopf endet ($1 von $2 Bytes)'],
  [/^a damaged header \((.*)\)$/, (_, what: string) => `einen beschädigten Kopf (${DAMAGED_HEADER.reduce((text, [pattern, german]) => text.replace(pattern, german), what)})`],
  [/^a file that ends inside the length of feature (\d+): it is cut off$/, 'eine Datei, die in der Länge von Objekt $1 endet: sie ist abgeschnitten'],
  [/^a file that ends inside feature (\d+) \(it declares (.+?) bytes, (.+?) are left\): it is cut off or damaged$/, 'eine Datei, die in Objekt $1 endet (angegeben $2 Bytes, übrig $3): sie ist abgeschnitten oder beschädigt'],
  [/^a file without a spatial index, so it cannot be read by bounding box$/, 'eine Datei ohne räumlichen Index, die sich daher nicht ausschnittweise lesen lässt'],
  [/^a damaged feature (\d+): its geometry or properties cannot be read$/, 'ein beschädigtes Objekt $1: Geometrie oder Eigenschaften lassen sich nicht lesen'],
  [/^a file that takes longer than (\d+) s to read$/, 'eine Datei, deren Lesen länger als $1 s dauert'],
  [/^a file that needs more than (\d+) range reads for one box: a damaged index$/, 'eine Datei, die mehr als $1 Bereichsabfragen für einen Ausschnitt braucht: ein beschädigter Index'],
  [/^a read of (.+?) bytes at (.+?), beyond the end of the file \((.+?) bytes\): a damaged index or feature$/, 'ein Lesezugriff von $1 Bytes bei $2 hinter dem Dateiende ($3 Bytes): ein beschädigter Index oder ein beschädigtes Objekt'],
  [/^(?:feature (\d+): )?a projected coordinate system(.*); the contract needs WGS84 longitude\/latitude \(EPSG:4326\), reproject the file \(keck-atlas build does\)$/, (_, feature, named) => `${feature ? `Objekt ${feature}: ` : ''}ein projiziertes Koordinatensystem${named.replace('the header names', 'der Kopf nennt')}; der Vertrag verlangt geografische Länge/Breite in WGS84 (EPSG:4326), bitte umprojizieren (keck-atlas build tut das)`],
  [
    /^coordinates such as (.+?), (.+?), which are no longitude\/latitude in degrees: probably projected coordinates in metres(.*); the contract needs WGS84 \(EPSG:4326\), reproject the file \(keck-atlas build does\)$/,
    (_, x, y, named) =>
      `Koordinaten wie ${x}, ${y}, die keine geografische Länge/Breite in Grad sind: wohl projizierte Koordinaten in Metern${named.replace('the header names', 'der Kopf nennt')}; der Vertrag verlangt WGS84 (EPSG:4326), bitte umprojizieren (keck-atlas build tut das)`,
  ],
  [/^a GeoJSON FeatureCollection \(an array of features\)$/, 'eine GeoJSON-FeatureCollection (eine Liste von Objekten)'],
  [/^a Point$/, 'einen Punkt'],
  [/^a text \(the (.*)\)$/, 'einen Text ($1)'],
  // loading
  [/^HTTP 200$/, 'HTTP 200 (die Datei)'],
  [/^HTTP 206 \(a byte range\)$/, 'HTTP 206 (ein Byte-Bereich)'],
  [/^a reachable file$/, 'eine erreichbare Datei'],
  [/^a complete file$/, 'eine vollständige Datei'],
  [/^an answer from the server$/, 'eine Antwort des Servers'],
  [/^no answer within ([\d.]+) s/, (_, seconds) => `keine Antwort innerhalb von ${seconds.replace('.', ',')} s`],
  [/^a network error \((.*)\)/, 'einen Netzwerkfehler ($1)'],
  [/^a connection that broke off \((.*)\)/, 'eine abgebrochene Verbindung ($1)'],
  [/^a file of at most (\d+) bytes$/, 'eine Datei von höchstens $1 Bytes'],
  [/^a larger file$/, 'eine größere Datei'],
  [/^well-formed JSON$/, 'wohlgeformtes JSON'],
  [/^malformed JSON \((.*)\)$/, 'fehlerhaftes JSON (Meldung des Browsers: $1)'],
  [/^HTTP (\d{3})(?: .*)?$/, (_, status) => `HTTP ${status}${HTTP_STATUS[status] ? ` (${HTTP_STATUS[status]})` : ''}`],
  // generic forms last: the specific ones above start the same way
  [/^one of (.*)$/, 'einen der Werte $1'],
];

/** An issue's `expected` or `found` in the element's language (German or English). */
export function localizeIssueText(text: string, locale: Locale): string {
  if (uiLocale(locale) === 'en') return text;
  const attempts = / \(2 attempts\)$/.exec(text);
  const core = attempts ? text.slice(0, attempts.index) : text;
  const entry = GERMAN.find(([pattern]) => pattern.test(core));
  return (entry ? core.replace(entry[0], entry[1] as string) : core) + (attempts ? ' (2 Versuche)' : '');
}

/** An issue's place (a JSON path, or `line 3, column 5` in a file that is not JSON) in the element's language. */
export function localizeIssuePlace(place: string, locale: Locale): string {
  if (uiLocale(locale) === 'en') return place;
  return place.replace(/^line (\d+), column (\d+)$/, 'Zeile $1, Spalte $2').replace(/^feature (\d+)/, 'Objekt $1');
}
