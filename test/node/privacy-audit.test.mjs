// The disclosure audit through protectValues (packages/cli/src/protect.ts): random nested tables with
// linked indicators over several years, some unpublished; an independent attacker
// (javascript-lp-solver, integer programming) reading only the published blocks and the
// metadata's relations must find every hidden small count bounded no narrower than the
// protection width.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { importProtect } from '../harness/bundle-protect.mjs';
import { writeAtlasSources } from '../harness/privacy-files.mjs';
import { attack, isSmall, tableArbitrary, tableInput } from '../harness/privacy-tables.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));

let protectValues;
let formatAuditSummary;
const quiet = { progress() {}, warn() {} };

let work;
before(async () => {
  ({ protectValues, formatAuditSummary } = await importProtect());
  execFileSync(process.execPath, [path.join(root, 'packages/cli/scripts/build.mjs')], { stdio: 'inherit' });
  work = mkdtempSync(path.join(tmpdir(), 'keck-privacy-audit-'));
});
after(() => rmSync(work, { recursive: true, force: true }));

const publishedBlocks = (input, blocks) => blocks.filter((block) => !input.withheld.has(block.indicator));
const isSuppressed = (value) => typeof value === 'object' && value !== null && value.suppressed === true;

describe('disclosure audit (property-based, independent attacker)', () => {
  it('leaves no hidden small count narrower than the protection width on random nested tables', async () => {
    let runs = 0;
    const refused = [];
    await fc.assert(
      fc.asyncProperty(tableArbitrary, async (table) => {
        runs++;
        const input = tableInput(table);
        const before = structuredClone({ ...input, withheld: [...input.withheld] });
        let protection;
        try {
          protection = await protectValues(input, quiet);
        } catch (error) {
          // A build that cannot be protected publishes nothing; it must say where and why.
          assert.equal(error.name, 'DataError', error.stack);
          assert.match(error.message, /^disclosure audit: indicator "[^"]+", level "[^"]+", \d{4}, area .+ nothing more can be hidden/m);
          refused.push(JSON.stringify(table));
          return;
        }
        const { blocks, audit } = protection;
        assert.deepEqual({ ...input, withheld: [...input.withheld] }, before, 'input unchanged');
        const shown = publishedBlocks(input, blocks);
        for (const block of shown) {
          for (const [key, value] of [...Object.entries(block.values), ['reference', block.reference]]) {
            const original = input.blocks.find((b) => b.indicator === block.indicator && b.level === block.level && b.year === block.year);
            const raw = key === 'reference' ? original.reference : original.values[key];
            if (['kids', 'boys', 'girls', 'poor'].includes(block.indicator) && typeof raw === 'number' && isSmall(raw, input.privacy)) {
              assert.ok(isSuppressed(value), `${block.indicator} ${block.level} ${block.year} ${key} is small and published`);
            }
          }
        }
        for (const interval of await attack(input, shown)) {
          assert.ok(interval.high - interval.low >= input.privacy.protectionWidth, `${interval.name}: [${interval.low}, ${interval.high}] narrower than ${input.privacy.protectionWidth}\n${JSON.stringify(table)}`);
        }
        if (audit.minimumWidth !== undefined) assert.ok(audit.minimumWidth >= input.privacy.protectionWidth);
        assert.ok(formatAuditSummary(audit).length >= 3);
      }),
      { numRuns: Number(process.env.KECK_PRIVACY_RUNS ?? 30) },
    );
    // Refusing is for tables where hiding everything around a count still gives it away: rare.
    assert.ok(refused.length <= runs / 10, `${refused.length} of ${runs} tables refused:\n${refused.join('\n')}`);
  });
});

describe('disclosure audit through keck-atlas build (property-based, independent attacker)', () => {
  it('publishes no atlas.json from which a hidden small count can be narrowed below the protection width', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(tableArbitrary, async (table) => {
        const dir = path.join(work, `case-${run++}`);
        mkdirSync(dir);
        const input = tableInput(table);
        const config = writeAtlasSources(dir, input);
        const out = path.join(dir, 'out');
        const result = spawnSync(process.execPath, [path.join(root, 'packages/cli/bin/keck-atlas.mjs'), 'build', config, '--out', out], { encoding: 'utf8' });
        if (result.status !== 0) {
          assert.match(result.stderr, /disclosure audit: indicator .* nothing more can be hidden/, result.stderr);
          assert.ok(!existsSync(path.join(out, 'atlas.json')), 'a refused build writes nothing');
          return;
        }
        const atlas = JSON.parse(readFileSync(path.join(out, 'atlas.json'), 'utf8'));
        for (const id of input.withheld) assert.ok(!atlas.values.some((block) => block.indicator === id), `${id} is not published`);
        for (const interval of await attack(input, atlas.values)) {
          assert.ok(interval.high - interval.low >= input.privacy.protectionWidth, `${interval.name}: [${interval.low}, ${interval.high}]\n${JSON.stringify(table)}`);
        }
        assert.ok(readdirSync(out).includes('atlas.json'));
      }),
      { numRuns: Number(process.env.KECK_PRIVACY_CLI_RUNS ?? 4) },
    );
  });
});
