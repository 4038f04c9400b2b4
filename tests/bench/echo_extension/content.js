// Present only so that the benchmark has this extension's content-script world to send from.
