// Run code inside the extension's content-script world of a page (where askCore and the hands live), through
// the DevTools protocol. Used by the benchmark to time what the content scripts really do.

export async function contentScriptWorld(page, extensionName = 'Okta → Anypoint Assist') {
  const cdp = await page.context().newCDPSession(page);
  const contexts = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await cdp.send('Runtime.enable');
  const deadline = Date.now() + 5000;
  let world;
  while (!(world = contexts.findLast((c) => c.auxData?.type === 'isolated' && c.name === extensionName))) {
    if (Date.now() > deadline) throw new Error(`no content-script world of "${extensionName}" on ${page.url()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    /** Evaluate an expression (may return a promise) in the content-script world; returns its JSON value. */
    async evaluate(expression) {
      const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
        expression,
        contextId: world.id,
        awaitPromise: true,
        returnByValue: true,
      });
      if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
      return result.value;
    },
  };
}
