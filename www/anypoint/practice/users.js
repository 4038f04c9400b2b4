// A churn-heavy Access Management screen for the page-cost benchmark: a live list of users where each round
// appends 250 rows (a link and a span each), removes as many, updates a text node, and yields through a
// MessageChannel (no timer clamping, so the page runs as fast as it can and any observer cost shows).
// window.runChurn(rounds) resolves to the milliseconds it took.
const channel = new MessageChannel();
const yieldToEventLoop = () => new Promise((resolve) => {
  channel.port1.onmessage = () => resolve();
  channel.port2.postMessage(null);
});

window.runChurn = async function runChurn(rounds) {
  const list = document.getElementById('users');
  const summary = document.getElementById('summary').firstChild;
  const start = performance.now();
  let next = 0;
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < 250; i++) {
      const row = document.createElement('li');
      const link = document.createElement('a');
      link.href = `#user-${next}`;
      link.textContent = `user${next}@example.com`;
      const role = document.createElement('span');
      role.textContent = next % 7 === 0 ? ' Organization Administrator' : ' Member';
      row.append(link, role);
      list.append(row);
      next += 1;
    }
    while (list.childElementCount > 250) list.firstElementChild.remove();
    summary.data = `${next} users`;
    await yieldToEventLoop();
  }
  return performance.now() - start;
};

// ?churn-at-load: the screen starts its work 100 ms after it loads, as single-page apps do, and
// window.churnAtLoad resolves to the milliseconds 150 rounds took.
if (new URLSearchParams(location.search).has('churn-at-load')) {
  window.churnAtLoad = new Promise((resolve) => {
    addEventListener('load', () => setTimeout(() => window.runChurn(150).then(resolve), 100));
  });
}
