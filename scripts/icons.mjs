// Renders web/icons/icon.svg into the manifest's PNG icons (192 and 512 px, and a maskable 512
// px one whose drawing sits inside the 80% safe zone on a full-bleed background), with Debian's
// Chromium. Run by hand after changing the drawing: node scripts/icons.mjs. The PNGs are
// committed, so builds need no browser.
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';

const svg = readFileSync('web/icons/icon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
const render = async (size, file, maskable) => {
  await page.setViewportSize({ width: size, height: size });
  const inner = maskable ? svg.replace('rx="96"', 'rx="0"') : svg;
  const scale = maskable ? 0.8 : 1;
  await page.setContent(`<html><body style="margin:0;background:${maskable ? '#2c6a65' : 'transparent'};display:grid;place-items:center;width:${size}px;height:${size}px">
    <div style="width:${size * scale}px;height:${size * scale}px">${inner.replace('<svg ', '<svg width="100%" height="100%" ')}</div></body></html>`);
  await page.screenshot({ path: `web/icons/${file}`, omitBackground: !maskable });
};
await render(192, 'icon-192.png', false);
await render(512, 'icon-512.png', false);
await render(512, 'icon-maskable-512.png', true);
await browser.close();
console.log('icons: web/icons/icon-192.png, icon-512.png, icon-maskable-512.png');
