// Present only so that the benchmark has this extension's content-script world to send from, on the form page
// only (not on the page-speed pages, where it would be a second extension).
