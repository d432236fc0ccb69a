// The extension host's console reaches the runner through the page console, mixed with the
// workbench's own messages; this prefix marks the lines that are test output.
export const testOutputMarker = '[test] ';
