// The cross-engine smoke suite: the paths a therapist on a Mac (Safari's engine) or on Firefox
// takes most, driven through WebDriver (selenium-webdriver) in Firefox ESR (geckodriver) and
// WebKitGTK (WebKitWebDriver with its MiniBrowser, under Xvfb), against the release build in dist/.
// Every test runs in every engine. It prints one closing line: `engines: N passed, N failed`.
//
//   node tests/engines/smoke.mjs [firefox|webkit ...]
//
// Each engine's date input takes typing its own way, and each test types dates that way:
// geckodriver fills a date input from ISO text (2027-03-05); WebKit's field is split into
// month/day/year and takes 03/05/2027, while 2027-03-05 typed there becomes the year 0005 (the
// app must refuse that, never store it).
import { Builder, By, Key, until } from 'selenium-webdriver';
import { spawn } from 'node:child_process';

const SITE_PORT = 8771;
const BASE = `http://127.0.0.1:${SITE_PORT}`;

const ENGINES = {
  firefox: {
    port: 4471,
    driver: (port) => ['geckodriver', ['--port', String(port), '--host', '127.0.0.1']],
    capabilities: () => ({
      browserName: 'firefox',
      'moz:firefoxOptions': {
        binary: '/usr/bin/firefox-esr',
        // geckodriver makes a fresh, temporary profile for every session.
        args: ['-headless'],
      },
    }),
    date: (year, month, day) => `${year}-${month}-${day}`,
  },
  webkit: {
    port: 4472,
    driver: (port) => ['xvfb-run', ['-a', 'WebKitWebDriver', `--port=${port}`, '--host=127.0.0.1']],
    capabilities: () => ({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': {
        binary: '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
        args: ['--automation'],
      },
    }),
    date: (year, month, day) => `${month}/${day}/${year}`,
  },
};

// Helpers ---------------------------------------------------------------------------------------

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function check(condition, message) {
  if (!condition) throw new Error(message);
}

/** Waits until `read()` gives something `accept` takes, and returns it; fails with the last value. */
async function eventually(read, accept, what, timeout = 10_000) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    try {
      last = await read();
      if (accept(last)) return last;
    } catch (error) {
      last = error.message;
    }
    await sleep(100);
  }
  throw new Error(`${what}: still ${JSON.stringify(last)?.slice(0, 300)} after ${timeout} ms`);
}

const byText = (tag, text) => By.xpath(`//${tag}[normalize-space()=${JSON.stringify(text)}]`);
const button = (text) => byText('button', text);
const mainText = (driver) => driver.findElement(By.css('main')).getText();
const waitForText = (driver, text) => eventually(() => mainText(driver), (t) => t.includes(text), `the page shows "${text}"`).catch(async (error) => {
  const statuses = await driver.executeScript(() => [...document.querySelectorAll('[role=status],[role=alert]')].map((e) => e.textContent).filter(Boolean).join(' | ')).catch(() => '');
  throw new Error(`${error.message.slice(0, 200)} … statuses: ${statuses}`);
});

async function type(driver, id, text) {
  const input = await driver.wait(until.elementLocated(By.id(id)), 10_000);
  // WebKit's driver does not scroll a field into view before a click, unlike the others.
  await driver.executeScript((el) => el.scrollIntoView({ block: 'center' }), input);
  await driver.executeScript((el) => { el.value = ''; el.dispatchEvent(new Event('input', { bubbles: true })); }, input);
  await input.click();
  await input.sendKeys(text);
  return input;
}

async function click(driver, locator) {
  const element = await driver.wait(until.elementLocated(locator), 10_000);
  await driver.executeScript((el) => el.scrollIntoView({ block: 'center' }), element);
  await element.click();
}

async function openPanel(driver, summary) {
  await click(driver, byText('summary', summary));
}

/** The files the app hands to the browser as downloads: name and text. The download itself is
 * the browser's (tried by hand in both engines); this checks what the app made. */
async function catchDownloads(driver) {
  await driver.executeScript(() => {
    window.caught = [];
    const made = new Map();
    const create = URL.createObjectURL;
    URL.createObjectURL = (blob) => { const url = create(blob); made.set(url, blob); return url; };
    const clickLink = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function () {
      const blob = made.get(this.href);
      if (blob && this.download) blob.text().then((text) => window.caught.push({ name: this.download, text }));
      return clickLink.call(this);
    };
  });
}

const downloads = (driver) => driver.executeScript(() => window.caught);

async function newPlan(driver, engine, { kap = 'midway' } = {}) {
  await driver.get(`${BASE}/#/new`);
  await type(driver, 'partner-a', 'Alex');
  await type(driver, 'partner-b', 'Sam');
  await type(driver, 'start-date', engine.date('2027', '03', '05'));
  await click(driver, By.css(`#kap option[value="${kap}"]`));
  await click(driver, button('Create plan'));
  await waitForText(driver, 'Day 1 · Fri 5 Mar 2027');
}

const firstBlock = (driver) => driver.findElement(By.css('.blocks > li [tabindex="0"], .blocks > li[tabindex="0"], .blocks [id^="block-"]'));

// The tests -------------------------------------------------------------------------------------

const tests = {
  async "says so where the page's wasm does not arrive, with the focus on \"Try again\", which loads the page again"(driver) {
    // serve.mjs refuses every wasm file under /__test__/no-wasm/.
    const notice = async () => driver.executeScript(() => {
      const failed = document.querySelector('.load-failed');
      return {
        shown: !failed.hidden && failed.getClientRects().length > 0,
        loading: document.querySelector('.loading').getClientRects().length > 0,
        text: failed.querySelector('p').textContent,
        focused: document.activeElement?.textContent,
        again: window.beforeTryingAgain === true,
      };
    });
    for (const [page, text, retry] of [
      ['index.html', 'Intensive Planner could not be loaded. Check the connection, then try again. Your plans are safe in this browser.', 'Try again'],
      ['share.html#/share/x', 'The shared schedule could not be loaded. Check the connection, then try again.No se pudo cargar el horario compartido. Compruebe la conexión y vuelva a intentarlo.', 'Try again · Reintentar'],
    ]) {
      await driver.get(`${BASE}/__test__/no-wasm/${page}`);
      const first = await eventually(notice, (n) => n.shown, `${page}: the notice`);
      check(first.text === text, `${page}: the notice says ${JSON.stringify(first.text)}`);
      check(!first.loading, `${page}: the loading line is hidden`);
      check(first.focused === retry, `${page}: the focus is on ${JSON.stringify(first.focused)}, not on "${retry}"`);
      await driver.executeScript(() => { window.beforeTryingAgain = true; });
      await driver.switchTo().activeElement().sendKeys(Key.ENTER);
      // The page is loaded again (the mark is gone), and, the wasm refused again, says so again.
      await eventually(notice, (n) => n.shown && !n.again, `${page}: loaded again by "Try again"`);
    }
  },
  async 'creates a plan with the date typed as this engine takes it, and keeps it across a reload'(driver, engine) {
    await newPlan(driver, engine);
    await driver.navigate().refresh();
    await waitForText(driver, 'Day 1 · Fri 5 Mar 2027');
    await driver.get(`${BASE}/`);
    await waitForText(driver, 'Alex & Sam · 3-day couples intensive');
    const stored = await driver.executeScript(() => Object.keys(localStorage).filter((k) => k.startsWith('intensive-planner.plan.')).length);
    check(stored === 1, `one stored plan, found ${stored}`);
  },

  async 'moves a block by keyboard, and undoes it with Ctrl+Z'(driver, engine) {
    await newPlan(driver, engine, { kap: 'none' });
    const block = await firstBlock(driver);
    const before = (await block.getText()).slice(0, 11);
    await driver.executeScript((el) => el.focus(), block);
    await driver.actions().keyDown(Key.ALT).sendKeys(Key.ARROW_DOWN).keyUp(Key.ALT).perform();
    await waitForText(driver, 'Moved 15 minutes later.');
    const moved = (await (await firstBlock(driver)).getText()).slice(0, 11);
    check(moved !== before, `the block moved (${before} → ${moved})`);
    await driver.executeScript(() => document.querySelector('h1').focus());
    await driver.actions().keyDown(Key.CONTROL).sendKeys('z').keyUp(Key.CONTROL).perform();
    await waitForText(driver, 'Undone.');
    const back = (await (await firstBlock(driver)).getText()).slice(0, 11);
    check(back === before, `undo restored ${before}, found ${back}`);
  },

  async 'types each date field as this engine takes it; a mistyped year is refused, never stored'(driver, engine) {
    await newPlan(driver, engine);
    const saved = await driver.executeScript(() => JSON.stringify(localStorage));
    // Move the intensive.
    await openPanel(driver, 'Title, dates and days');
    await type(driver, 'plan-start', engine.date('2027', '04', '09'));
    await click(driver, button('Move the intensive'));
    await waitForText(driver, 'Day 1 · Fri 9 Apr 2027');
    // The clearance date.
    await openPanel(driver, 'Screening and logistics');
    await type(driver, 'clearance-date-partner_a', engine.date('2027', '03', '20'));
    await type(driver, 'clearance-by-partner_a', 'Dr. Rivera');
    await click(driver, button('Record clearance for Alex'));
    await waitForText(driver, 'Prescriber clearance recorded.');
    // The write follows the painted frame.
    await eventually(
      () => driver.executeScript(() => Object.values(localStorage).find((v) => v.includes('Dr. Rivera'))),
      (stored) => stored && stored.includes('"date":"2027-03-20"'),
      'the clearance is stored, dated 2027-03-20',
    );
    // ISO text typed into a split field: WebKit makes it the year 0005; the app refuses it.
    const typed = await type(driver, 'plan-start', '2027-03-05');
    const value = await driver.executeScript((el) => el.value, typed);
    if (value !== '2027-03-05') {
      check(!value || value.startsWith('0'), `a mistyped year reads as ${value}`);
      const before = await driver.executeScript(() => JSON.stringify(localStorage));
      await click(driver, button('Move the intensive'));
      await waitForText(driver, 'must fall between the years 2000 and 2100');
      const after = await driver.executeScript(() => JSON.stringify(localStorage));
      check(after === before, 'nothing was saved');
    }
    check(saved !== (await driver.executeScript(() => JSON.stringify(localStorage))), 'the valid edits were saved');
  },

  async "a protected share link opens in a fresh session with its passphrase, its parts load on demand, and only the couple's page is kept"(driver, engine, fresh) {
    await newPlan(driver, engine);
    await click(driver, byText('a', "Couple's preview and sharing"));
    await openPanel(driver, 'Share link');
    const passphrase = await driver.findElement(By.id('share-passphrase')).getAttribute('value');
    check(/^[a-z]+ [a-z]+ [a-z]+ [a-z]+$/.test(passphrase), `a four-word passphrase: ${passphrase}`);
    await click(driver, button('Copy share link'));
    const link = await eventually(() => driver.findElement(By.id('share-link')).getAttribute('value'), (v) => v && v.includes('#/share/e600k.'), 'the link');
    const other = await fresh();
    try {
      await other.get(link);
      await waitForText(other, 'A protected schedule');
      await type(other, 'unlock-passphrase', passphrase);
      await click(other, button('Open'));
      await waitForText(other, 'Alex & Sam · 3-day couples intensive');
      const stored = await other.executeScript(() => localStorage.length);
      check(stored === 0, `opening a link stores nothing (found ${stored})`);
      // The share page's parts loaded on demand: the calendar panel's fields, the day cards.
      await openPanel(other, 'Calendar file');
      await other.wait(until.elementLocated(button('Calendar for everyone')), 10_000);
      await click(other, button('Day cards'));
      await waitForText(other, 'Print day cards');
      await click(other, button('← Back to the schedule'));
      await waitForText(other, 'Alex & Sam · 3-day couples intensive');
      // A browser that has opened only a share link keeps the couple's page, not the app.
      const kept = await eventually(
        () => other.executeAsyncScript((done) => {
          navigator.serviceWorker.getRegistration()
            .then((registration) => (registration?.active ? caches.keys() : []))
            .then((keys) => Promise.all(keys.map((key) => caches.open(key).then((cache) => cache.keys()))))
            .then((lists) => done(lists.flat().map((request) => new URL(request.url).pathname)), () => done([]));
        }),
        (paths) => paths.includes('/share.html') && paths.some((path) => /^\/share-\w+_bg\.wasm$/.test(path)),
        "the couple's page kept",
        20_000,
      );
      const app = kept.filter((path) => path === '/' || path === '/index.html' || /^\/intensive-planner-/.test(path));
      check(app.length === 0, `the app is not kept where only a share link was opened: ${app.join(', ')}`);
    } finally {
      await other.quit();
    }
  },

  async 'chooses who doses, re-places KAP with its report, and tells the supporting partner their role'(driver, engine) {
    await newPlan(driver, engine);
    await openPanel(driver, 'Screening and logistics');
    await click(driver, By.css('#who-doses option[value="partner_a"]'));
    await waitForText(driver, 'Who doses is recorded; the KAP blocks follow it.');
    await openPanel(driver, 'KAP placement');
    await click(driver, By.css('#kap-place option[value="start"]'));
    await click(driver, button('Place KAP'));
    await waitForText(driver, 'KAP placed.');
    await waitForText(driver, 'Pre-dose check-in with Alex');
    await click(driver, byText('a', "Couple's preview and sharing"));
    await click(driver, By.css('#preview-person option[value="partner_b"]'));
    await waitForText(driver, "Your day as Alex's support: please read");
    const text = await driver.findElement(By.css('main')).getText();
    check(!text.includes('eye mask'), 'the supporting partner is not told to bring an eye mask');
  },

  async 'keeps the build for offline use once the page has loaded'(driver) {
    await driver.get(`${BASE}/`);
    await waitForText(driver, 'Plans');
    // The worker registers once the page's wasm has arrived, then keeps every file of the build.
    const kept = await eventually(
      () => driver.executeAsyncScript((done) => {
        navigator.serviceWorker.getRegistration()
          .then((registration) => (registration?.active ? caches.keys() : []))
          .then((keys) => Promise.all(keys.map((key) => caches.open(key).then((cache) => cache.keys()))))
          .then((lists) => done(lists.flat().map((request) => request.url)), () => done([]));
      }),
      (urls) => urls.some((url) => url.endsWith('_bg.wasm')) && urls.some((url) => url.endsWith('/share.html')),
      'the kept files, with both pages and a wasm file',
      20_000,
    );
    check(kept.length > 10, `every file of the build is kept (${kept.length})`);
  },

  async 'makes a calendar file and a backup'(driver, engine) {
    await newPlan(driver, engine);
    await click(driver, byText('a', "Couple's preview and sharing"));
    await catchDownloads(driver);
    await openPanel(driver, 'Calendar file');
    await click(driver, button('Calendar for everyone'));
    await waitForText(driver, 'Check your downloads for intensive-2027-03-05-everyone.ics');
    await driver.get(`${BASE}/`);
    await catchDownloads(driver);
    await click(driver, button('Export all plans'));
    await waitForText(driver, 'Check your downloads for intensive-plans-');
    const files = await eventually(() => downloads(driver), (f) => f && f.length === 1, 'the backup');
    const backup = JSON.parse(files[0].text);
    check(backup.plans.length === 1 && backup.plans[0].partner_a === 'Alex', 'the backup holds the plan');
  },
};

// The runner ------------------------------------------------------------------------------------

function serve() {
  const server = spawn('node', ['tests/e2e/serve.mjs', String(SITE_PORT), 'dist'], { stdio: 'ignore' });
  return server;
}

async function startDriver(engine, port = engine.port) {
  const [command, args] = engine.driver(port);
  const child = spawn(command, args, { stdio: 'ignore', detached: true });
  const url = `http://127.0.0.1:${port}`;
  await eventually(() => fetch(`${url}/status`).then((r) => r.json()), (s) => s?.value?.ready !== undefined, `${command} starts`, 20_000);
  return { url, stop: () => { try { process.kill(-child.pid, 'SIGTERM'); } catch { /* gone */ } } };
}

async function session(url, engine) {
  return new Builder().usingServer(url).withCapabilities(engine.capabilities()).build();
}

const chosen = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(ENGINES);
let passed = 0;
let failed = 0;
const server = serve();
await sleep(500);
try {
  for (const name of chosen) {
    const engine = ENGINES[name];
    if (!engine) throw new Error(`unknown engine ${name}`);
    const driverProcess = await startDriver(engine);
    try {
      for (const [title, body] of Object.entries(tests)) {
        const started = Date.now();
        let driver;
        const extra = [];
        try {
          driver = await session(driverProcess.url, engine);
          await driver.manage().setTimeouts({ script: 10_000 });
          // A fresh session is a second browser with its own storage; each driver runs one
          // session at a time, so it gets a driver of its own.
          await body(driver, engine, async () => {
            const second = await startDriver(engine, engine.port + 10);
            extra.push(second);
            return session(second.url, engine);
          });
          passed += 1;
          console.log(`  ✓ [${name}] ${title} (${Date.now() - started} ms)`);
        } catch (error) {
          failed += 1;
          console.log(`  ✘ [${name}] ${title}\n      ${error.stack?.split('\n').slice(0, 3).join('\n      ')}`);
        } finally {
          if (driver) await driver.quit().catch(() => {});
          for (const second of extra) second.stop();
        }
      }
    } finally {
      driverProcess.stop();
    }
  }
} finally {
  server.kill();
}
console.log(`engines: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
