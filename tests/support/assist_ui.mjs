// The extension's page-side UI as assistive technology finds it: through the accessibility tree (Chromium's
// DevTools protocol). It lives in closed shadow roots, out of reach of page scripts and of Playwright's
// locators; clicks are real (trusted) mouse clicks at the element's place, as an admin's would be.

const DEADLINE_MS = 10000;
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function assistUi(page) {
  let session = null;
  const cdp = async () => {
    if (!session) {
      session = await page.context().newCDPSession(page);
      await session.send('Accessibility.enable');
    }
    return session;
  };

  /** The page's document and the documents of its same-origin frames (each has its own accessibility tree). */
  async function documents(client) {
    const { root } = await client.send('DOM.getDocument', { depth: -1, pierce: true });
    const found = [root];
    const walk = (node) => {
      if (node.contentDocument) found.push(node.contentDocument);
      for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? []), ...(node.contentDocument ? [node.contentDocument] : [])]) walk(child);
    };
    walk(root);
    return [...new Set(found)];
  }

  /** The accessibility nodes with this role (and exact accessible name, when given), in every frame. */
  async function nodes(role, name) {
    const client = await cdp();
    const all = [];
    for (const document of await documents(client)) {
      const query = { nodeId: document.nodeId, role };
      if (name !== undefined) query.accessibleName = name;
      const found = await client.send('Accessibility.queryAXTree', query).catch(() => ({ nodes: [] }));
      all.push(...found.nodes.filter((node) => !node.ignored && node.backendDOMNodeId));
    }
    return all;
  }

  async function until(check, what, timeout = DEADLINE_MS) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const result = await check();
      if (result) return result;
      if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
      await pause(50);
    }
  }

  /** Call `functionDeclaration` with `this` as the node, and answer its value. */
  async function callOn(backendNodeId, functionDeclaration) {
    const client = await cdp();
    const { object } = await client.send('DOM.resolveNode', { backendNodeId });
    const { result } = await client.send('Runtime.callFunctionOn', { objectId: object.objectId, functionDeclaration, returnByValue: true });
    return result.value;
  }

  async function textOf(backendNodeId) {
    return (await callOn(backendNodeId, 'function () { return this.textContent; }')) ?? '';
  }

  async function hasAttribute(backendNodeId, attribute) {
    return (await callOn(backendNodeId, `function () { return this.hasAttribute(${JSON.stringify(attribute)}); }`)) === true;
  }

  const ui = {
    /** How many buttons with this exact name are shown. */
    async count(name, role = 'button') {
      return (await nodes(role, name)).length;
    },
    /** Wait until a button (or other role) with this name is shown. */
    async waitFor(name, role = 'button', timeout = DEADLINE_MS) {
      return until(async () => (await nodes(role, name))[0], `${role} "${name}"`, timeout);
    },
    /** Wait until no such button is shown. */
    async waitForGone(name, role = 'button') {
      await until(async () => (await nodes(role, name)).length === 0, `${role} "${name}" to go`);
    },
    /** A real mouse click on the button (a trusted event), once the extension counts it as plainly seen (its
     *  clickjacking guard arms a button that has been visible for a moment: `data-seen`), as an admin's would be. */
    async click(name, role = 'button', { armed = role === 'button' } = {}) {
      const { x, y, node } = await ui.center(name, role);
      if (armed) {
        // Two frames: the scroll into view has been seen by the page (a button that moved is armed anew).
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
        await until(() => hasAttribute(node.backendDOMNodeId, 'data-seen'), `button "${name}" to be armed`);
      }
      await page.mouse.click(x, y);
    },
    /** Whether the extension's clickjacking guard counts the button as plainly seen (`data-seen`). */
    async isArmed(name) {
      return hasAttribute((await ui.waitFor(name)).backendDOMNodeId, 'data-seen');
    },
    /** Where a real click on the element lands (its centre, scrolled into view), and its node. */
    async center(name, role = 'button') {
      const node = await ui.waitFor(name, role);
      const client = await cdp();
      await client.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: node.backendDOMNodeId });
      const { quads } = await client.send('DOM.getContentQuads', { backendNodeId: node.backendDOMNodeId });
      const [x1, y1, , , x3, y3] = quads[0];
      return { x: (x1 + x3) / 2, y: (y1 + y3) / 2, node };
    },
    /** The texts of every status line the extension shows (role="status"). */
    async statuses() {
      const texts = [];
      for (const node of await nodes('status')) texts.push(await textOf(node.backendDOMNodeId));
      return texts;
    },
    /** Wait until a status line contains `text`; returns that line. */
    async waitForStatus(text, timeout = DEADLINE_MS) {
      return until(async () => (await ui.statuses()).find((line) => line.includes(text)), `a status with "${text}"`, timeout);
    },
    /** The accessible name of the focused button, if a button has focus. */
    async focusedButton() {
      const focused = (await nodes('button')).find((node) =>
        node.properties?.some((p) => p.name === 'focused' && p.value.value === true));
      return focused?.name?.value ?? null;
    },
    /** The text of the element with this role and accessible name (the panel: region; the bar: group). */
    async textOf(name, role) {
      const node = await ui.waitFor(name, role);
      return textOf(node.backendDOMNodeId);
    },
    /** Wait until the element with this role and name shows text matching `pattern`; returns the text. */
    async waitForText(name, role, pattern) {
      return until(async () => {
        const text = await ui.textOf(name, role);
        return pattern.test(text) ? text : null;
      }, `${role} "${name}" to match ${pattern}`);
    },
    /** Whether the button with this name is disabled. */
    async isDisabled(name) {
      const node = await ui.waitFor(name);
      return Boolean(node.properties?.some((p) => p.name === 'disabled' && p.value.value === true));
    },
  };
  return ui;
}
