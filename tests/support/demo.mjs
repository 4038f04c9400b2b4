// ./build.sh demo: the practice servers and Chromium with the extension. With a display, a window opens on
// the practice pages and stays until Ctrl+C. Without one, the flow runs headless and screenshots are saved.
import { mkdirSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, assistUi, openClientProviderForm, METADATA_URL } from './browser.mjs';

const OUT = resolve(dirname(fileURLToPath(import.meta.url)), '../../target/demo');
const headless = !process.env.DISPLAY;
const browser = await launch({ headless });
const okta = await browser.context.newPage();
await okta.goto(METADATA_URL);
const oktaUi = assistUi(okta);
await oktaUi.waitFor('Use in Anypoint');

if (!headless) {
  const anypoint = await browser.context.newPage();
  await anypoint.goto('https://anypoint.mulesoft.com/accounts/client-providers');
  console.log(`Practice pages open (server on port ${browser.server.port}):`);
  console.log(`  Okta metadata: ${METADATA_URL}`);
  console.log('  Anypoint:      https://anypoint.mulesoft.com/accounts/client-providers');
  console.log('  Web page:      https://assist.example.com/ (the core without the extension)');
  console.log('Press Ctrl+C to stop.');
  await new Promise((resolveStop) => process.on('SIGINT', resolveStop));
} else {
  mkdirSync(OUT, { recursive: true });
  const shots = [join(OUT, '1-okta-metadata.png'), join(OUT, '2-anypoint-filled.png')];
  await oktaUi.click('Use in Anypoint');
  await oktaUi.waitForStatus('Kept');
  await okta.screenshot({ path: shots[0] });
  const anypoint = await browser.context.newPage();
  await openClientProviderForm(anypoint);
  const anypointUi = assistUi(anypoint);
  await anypointUi.click('Fill from Okta');
  await anypointUi.waitForStatus('Filled');
  await anypoint.screenshot({ path: shots[1], fullPage: true });
  console.log('No display: ran the flow headless. Screenshots:');
  for (const shot of shots) console.log(`  ${shot}`);
}
await browser.close();
