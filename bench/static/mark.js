// Marks the static page interactive the moment its fields exist, as the app does once mounted.
performance.mark('ssl-order:interactive');
