// The import form: uploads a CSV file into a calling list and shows its progress (bytes sent,
// rows read / imported / rejected from the server's `import` events) and the rejected rows.
import { newUuid } from '/supervisor/api.js';

/** Record columns a file may have besides the list's fields (accepted names in record-dispatcher). */
const RECORD_COLUMNS =
  'phone (or contact_info), tz_name, contact_info_type, daily_from, daily_till, customer_id';

const $ = (id) => document.getElementById(id);

export class Importer {
  constructor(api) {
    this.api = api;
    this.lists = [];
    this.current = undefined;
    $('import-list').addEventListener('change', () => this.describeColumns());
    $('import-form').addEventListener('submit', (event) => {
      event.preventDefault();
      void this.start();
    });
  }

  async load() {
    const { callingLists } = await this.api.get('calling-lists');
    this.lists = callingLists;
    $('import-list').replaceChildren(
      ...callingLists.map((list) => new Option(`${list.name} (DBID ${list.dbid})`, String(list.dbid))),
    );
    this.describeColumns();
  }

  describeColumns() {
    const list = this.lists.find((candidate) => String(candidate.dbid) === $('import-list').value);
    if (!list) return;
    const fields = list.fields.map((field) => `${field.name}${field.mandatory ? ' (required)' : ''}`);
    const zone = list.defaultTimeZone ? `; time zone ${list.defaultTimeZone} when tz_name is empty` : '';
    $('import-columns').textContent =
      `Header row naming: ${RECORD_COLUMNS}${fields.length ? `, ${fields.join(', ')}` : ''}${zone}.`;
  }

  /** A progress event of the server; only the running import's are shown. */
  onProgress(progress) {
    if (!this.current || progress.importId !== this.current.importId) return;
    this.showCounts(progress);
  }

  async start() {
    const file = $('import-file').files[0];
    const listDbid = $('import-list').value;
    if (!file || !listDbid) return;
    this.current = { importId: newUuid() };
    $('import-button').disabled = true;
    $('import-status').hidden = false;
    $('import-rejects').hidden = true;
    $('import-error').textContent = '';
    $('import-progress').value = 0;
    $('import-counts').textContent = `Uploading ${file.name}…`;
    try {
      const summary = await this.api.upload(listDbid, file, this.current.importId, (sent, total) => {
        $('import-progress').value = total > 0 ? sent / total : 0;
      });
      $('import-progress').value = 1;
      this.showCounts(summary);
      this.showRejects(summary);
    } catch (error) {
      $('import-error').textContent =
        `Import failed (${error.code}): ${error.message}. Nothing of the file was imported.`;
      if (error.details) {
        this.showCounts(error.details);
        this.showRejects(error.details);
      }
    } finally {
      $('import-button').disabled = false;
      this.current = undefined;
    }
  }

  showCounts(progress) {
    const state =
      { running: 'Importing', committed: 'Done', failed: 'Failed' }[progress.state] ?? progress.state;
    $('import-counts').textContent =
      `${state}: ${progress.read} rows read, ${progress.imported} imported, ${progress.rejected} rejected`;
  }

  showRejects(progress) {
    const rows = progress.rejectedRows ?? [];
    $('import-rejects').hidden = rows.length === 0;
    $('import-rejects-note').textContent =
      progress.rejected > rows.length
        ? `The first ${rows.length} of ${progress.rejected} rejected rows.`
        : '';
    $('import-rejects')
      .querySelector('tbody')
      .replaceChildren(
        ...rows.map((row) => {
          const tr = document.createElement('tr');
          const line = document.createElement('td');
          line.textContent = String(row.line);
          const reasons = document.createElement('td');
          reasons.textContent = row.reasons.join('; ');
          tr.append(line, reasons);
          return tr;
        }),
      );
  }
}
