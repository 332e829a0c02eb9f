// Opens notebooks in Debian's classic Jupyter Notebook (6.4) served on loopback with our kernel, runs all cells in
// the system Chromium driven by puppeteer-core, and reports what an analyst would see: rendered tables, Plotly charts
// drawn as SVG, outputs replaced in place by update_display_data, error outputs. One screenshot per notebook.
//
// Usage: node notebook_ui.mjs NOTEBOOK_DIR SCREENSHOT_DIR RESULT.json NAME.ipynb...   (JUPYTER_PATH must hold the collab-csharp kernelspec)
// Writes one JSON object to RESULT.json: { notebooks: { NAME: { ... } } }. The C# test asserts on it.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

const require = createRequire(path.join(process.env.COLLAB_REPO_ROOT ?? process.cwd(), 'package.json'));
const puppeteer = require('puppeteer-core');

const [notebookDir, shotDir, resultFile, ...names] = process.argv.slice(2);
const chromium = process.env.CHROMIUM ?? '/usr/bin/chromium';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => { const { port } = server.address(); server.close(() => resolve(port)); });
    server.on('error', reject);
  });
}

async function waitForServer(url, deadline) {
  while (Date.now() < deadline) {
    try { const r = await fetch(url); if (r.ok) return; } catch { /* not up yet */ }
    await new Promise(r => setTimeout(r, 250));
  }
  throw new Error(`jupyter-notebook did not answer at ${url}`);
}

const port = await freePort();
const token = randomBytes(16).toString('hex');
const server = spawn('/usr/bin/jupyter-notebook', [
  '--no-browser', '--allow-root', `--port=${port}`, '--ip=127.0.0.1', `--notebook-dir=${notebookDir}`,
  `--NotebookApp.token=${token}`, '--NotebookApp.open_browser=False', '--NotebookApp.disable_check_xsrf=True',
], { env: process.env, stdio: ['ignore', 'ignore', 'pipe'] });
let serverLog = '';
server.stderr.on('data', d => { serverLog += d; });

const result = { notebooks: {} };
let browser;
try {
  await waitForServer(`http://127.0.0.1:${port}/api/status?token=${token}`, Date.now() + 60000);
  browser = await puppeteer.launch({
    executablePath: chromium, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    defaultViewport: { width: 1280, height: 1000 },
  });
  for (const name of names) {
    const page = await browser.newPage();
    const consoleErrors = [];
    page.on('pageerror', e => consoleErrors.push(String(e)));
    // The page's own missing extensions (nbextensions/widgets) are not ours; script errors from outputs are.
    page.on('console', m => { if (m.type() === 'error' && !/nbextensions|Failed to load resource/.test(m.text())) consoleErrors.push(m.text()); });
    const started = Date.now();
    await page.goto(`http://127.0.0.1:${port}/notebooks/${encodeURIComponent(name)}?token=${token}`, { waitUntil: 'load' });
    await page.waitForFunction(() => window.Jupyter?.notebook?.kernel?.is_connected?.() && window.Jupyter.notebook._fully_loaded, { timeout: 120000, polling: 250 });
    await page.evaluate(() => { Jupyter.notebook.clear_all_output(); Jupyter.notebook.execute_all_cells(); });
    // Done when every code cell has a number (not '*') and the kernel is idle.
    await page.waitForFunction(() => {
      const cells = Jupyter.notebook.get_cells().filter(c => c.cell_type === 'code' && c.get_text().trim().length > 0);
      return cells.every(c => typeof c.input_prompt_number === 'number') && Jupyter.notebook.kernel_busy === false;
    }, { timeout: 900000, polling: 500 });
    await new Promise(r => setTimeout(r, 1500)); // let chart scripts draw
    const seen = await page.evaluate(() => {
      const all = Jupyter.notebook.get_cells();
      const cells = all.filter(c => c.cell_type === 'code');
      const byIndex = {};
      for (const c of cells) {
        const el = c.element[0];
        byIndex[String(all.indexOf(c))] = {
          outputs: c.output_area.outputs.map(o => ({ type: o.output_type, text: o.data?.['text/plain'] ?? o.text ?? o.evalue ?? '' })),
          renderedTables: el.querySelectorAll('.output_area table').length,
          chartDivs: el.querySelectorAll('.output_area .js-plotly-plot').length,
          chartSvgs: el.querySelectorAll('.output_area .js-plotly-plot svg.main-svg').length,
        };
      }
      return {
        cells: cells.length,
        executed: cells.filter(c => typeof c.input_prompt_number === 'number').length,
        errors: cells.flatMap(c => c.output_area.outputs.filter(o => o.output_type === 'error').map(o => `${o.ename}: ${o.evalue}`)),
        tables: document.querySelectorAll('#notebook .output_area table').length,
        chartDivs: document.querySelectorAll('#notebook .output_area .js-plotly-plot').length,
        chartSvgs: document.querySelectorAll('#notebook .output_area .js-plotly-plot').length === 0 ? 0
          : [...document.querySelectorAll('#notebook .output_area .js-plotly-plot')].filter(d => d.querySelector('svg.main-svg')).length,
        byIndex,
      };
    });
    const shot = path.join(shotDir, name.replace(/\.ipynb$/, '.png'));
    // The classic UI scrolls inside #site: let it grow so the screenshot holds the whole notebook.
    const height = await page.evaluate(() => {
      const site = document.querySelector('#site');
      site.style.height = 'auto';
      site.style.overflow = 'visible';
      return Math.min(16000, document.querySelector('#notebook').scrollHeight + 200);
    });
    await page.setViewport({ width: 1280, height });
    await page.screenshot({ path: shot, fullPage: true });
    result.notebooks[name] = { ...seen, seconds: (Date.now() - started) / 1000, screenshot: shot, consoleErrors };
    await page.evaluate(() => Jupyter.notebook.kernel.kill());
    await page.close();
  }
} catch (e) {
  result.failure = String(e.stack ?? e);
  result.serverLog = serverLog.slice(-4000);
} finally {
  if (browser) await browser.close();
  server.kill('SIGTERM');
}
// A file, not stdout: stdout to a pipe is cut when the process ends with writes still pending.
writeFileSync(resultFile, JSON.stringify(result));
if (result.failure) console.error(result.failure + '\n' + (result.serverLog ?? ''));
process.exitCode = result.failure ? 1 : 0;
