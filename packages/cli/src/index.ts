export { main, EXIT } from './main.js';
export { loadRules } from './load-rules.js';
export { formatJson } from './formatters/json.js';
export { formatText } from './formatters/text.js';
