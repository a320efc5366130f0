import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const ROOT = join(__dirname, '..');
const BIN = join(ROOT, 'bin', 'copydesk.js');
const FIXTURES = join(ROOT, 'libs', 'wire', 'src', 'fixtures');
const run = promisify(execFile);

/** Runs the compiled CLI as a user would; resolves with the exit code instead of rejecting on a non-zero one. */
async function copydesk(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const failed = err as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npx copydesk ingest (compiled)', () => {
  it('parses the IPTC samples dry: one JSON line per text item, progress on stderr', async () => {
    const { code, stdout, stderr } = await copydesk(['ingest', '--dry-run', join(FIXTURES, 'iptc')]);
    // The licence text in the folder is not a wire document: reported, exit 1, the samples still read.
    expect(code).toBe(1);
    expect(stderr).toMatch(/LICENSE-IPTC-CC-BY-4\.0\.txt: the document is neither XML nor JSON/);
    const records = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { file: string; guid: string | null });
    expect(records.map((r) => r.file.slice(FIXTURES.length + 1))).toEqual([
      'iptc/newsml-g2/LISTING_1_A_NewsML-G2_News_Item.xml',
      'iptc/newsml-g2/LISTING_22_Sports_story_in_NewsML-G2NITF.xml',
      'iptc/newsml-g2/LISTING_25_An_NITF_marked-up_article_conveyed_in_inlineXML.xml',
      'iptc/newsml-g2/LISTING_29_Hop_History.xml',
      'iptc/newsml-g2/LISTING_2_NewsML-G2_Text_Document.xml',
      'iptc/ninjs/001_simple_example.json',
      'iptc/ninjs/003_associations_example.json',
      'iptc/ninjs/005_complex_text_article.json',
      'iptc/ninjs/007_multimedia.json',
    ]);
    expect(stderr).toMatch(/\[9\/15\] .*ap_metadata_example\.xml: newsml-g2 2\.35, 0 articles, 1 other item \(video\)/);
  });

  it('starts the other commands without loading the wire library', async () => {
    const probe = `require(${JSON.stringify(join(ROOT, 'dist', 'libs', 'cli', 'src', 'main.js'))});
      process.stdout.write(JSON.stringify(Object.keys(require.cache).filter((k) => k.includes('/libs/wire/'))));`;
    const { stdout } = await run(process.execPath, ['-e', probe]);
    expect(JSON.parse(stdout)).toEqual([]);
  });
});
