// A busy single-page app for the page-cost benchmark: a live feed that adds and removes rows as fast as it
// can, yielding to the event loop between batches (so observers run, as they would in a real app).
// window.runBusy(ms) resolves to the number of rows it managed in that time.
window.runBusy = async function runBusy(ms) {
  const feed = document.getElementById('feed');
  const end = performance.now() + ms;
  let rows = 0;
  while (performance.now() < end) {
    for (let i = 0; i < 50; i++) {
      const row = document.createElement('div');
      row.className = 'row';
      for (let j = 0; j < 4; j++) {
        const cell = document.createElement('span');
        cell.textContent = `event ${rows} / ${j}`;
        row.append(cell);
      }
      feed.prepend(row);
      if (feed.childElementCount > 200) feed.lastElementChild.remove();
      rows += 1;
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return rows;
};
