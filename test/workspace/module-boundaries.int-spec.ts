import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';

// The architecture rests on two import rules: apps never import each other (they meet through
// libs/contracts on the bus) and pure libraries import no I/O. Lint them on purpose-made source.

const root = path.resolve(__dirname, '../..');

const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);

/** Lints source text as if it were the given file, with the project's own ESLint setup. */
async function lint(filePath: string, code: string): Promise<string[]> {
  const run = spawnSync(bin('eslint'), ['--stdin', '--stdin-filename', filePath, '--format', 'json'], {
    cwd: root,
    input: code,
    encoding: 'utf8',
  });
  const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string; message: string }[] }[];
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

beforeAll(() => {
  // The Nx rule reads the cached project graph; make sure it exists.
  execFileSync(bin('nx'), ['show', 'projects'], {
    cwd: root,
    env: { ...process.env, NX_DAEMON: 'false' },
    stdio: 'ignore',
  });
});

describe('module boundaries', () => {
  it('forbids an app from importing another app', async () => {
    const messages = await lint(
      'apps/dnc-registry/src/probe.ts',
      "import { AppModule } from '../../api-gateway/src/app.module';\nexport const m = AppModule;\n",
    );
    expect(messages.some((m) => m.startsWith('@nx/enforce-module-boundaries'))).toBe(true);
  });

  it('forbids a pure library from importing an I/O library or driver', async () => {
    const messages = await lint(
      'libs/desktop-protocol/src/probe.ts',
      "import { createLogger } from '@ocs/observability';\nimport { Pool } from 'pg';\nexport const p = [createLogger, Pool];\n",
    );
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^@nx\/enforce-module-boundaries: .*kind:pure/),
        expect.stringMatching(/^no-restricted-imports: 'pg'/),
      ]),
    );
  });

  it('lets an app import libraries through their aliases', async () => {
    const messages = await lint(
      'apps/dnc-registry/src/probe.ts',
      "import { envelopeMetaSchema } from '@ocs/contracts';\nexport const s = envelopeMetaSchema;\n",
    );
    expect(messages).toEqual([]);
  });
});
