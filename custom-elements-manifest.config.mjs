import { customElementJetBrainsPlugin } from 'custom-element-jet-brains-integration';
import { customElementVsCodePlugin } from 'custom-element-vs-code-integration';
import { getTsProgram, typeParserPlugin } from '@wc-toolkit/type-parser';

/**
 * Two corrections of the analyzer's output:
 * - it also guesses events from `dispatchEvent(new SomeEvent(arg))` and takes the first argument
 *   for the name; our events are typed classes documented with `@fires {Class} name`, so only
 *   names with the `keck-` prefix are kept;
 * - it puts the `{<color>}` of `@cssprop {<color>} [--name=default]` into `type`; the schema's
 *   field for a custom property's CSS syntax is `syntax`.
 */
const keckManifestShape = {
  name: 'keck-manifest-shape',
  packageLinkPhase({ customElementsManifest }) {
    for (const module of customElementsManifest.modules) {
      for (const declaration of module.declarations ?? []) {
        if (declaration.events) declaration.events = declaration.events.filter((event) => event.name?.startsWith('keck-'));
        for (const property of declaration.cssProperties ?? []) {
          if (!property.type) continue;
          property.syntax = property.type.text;
          delete property.type;
        }
      }
    }
  },
};

const globs = ['src/**/*.ts'];
// The editors' custom data takes the literal unions the type parser resolves (`'column' | 'bar' …`),
// not alias names such as `ChartType`, so that VS Code and JetBrains offer the values.
const editorData = { outdir: '.', typesSrc: 'parsedType', hideMethodDocs: true, hideLogs: true, exclude: ['KeckElement'] };

export default {
  globs,
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'src/contract/generated/**'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  overrideModuleCreation({ ts }) {
    const program = getTsProgram(ts, globs, 'tsconfig.json');
    return program.getSourceFiles().filter((file) => file.fileName.includes('/src/') && !/\.(test|stories)\.ts$|\/generated\//.test(file.fileName));
  },
  plugins: [
    keckManifestShape,
    typeParserPlugin({ hideLogs: true }),
    customElementVsCodePlugin({ ...editorData, htmlFileName: 'vscode.html-custom-data.json', cssFileName: 'vscode.css-custom-data.json' }),
    customElementJetBrainsPlugin({ ...editorData, webTypesFileName: 'web-types.json', packageJson: false }),
  ],
};
