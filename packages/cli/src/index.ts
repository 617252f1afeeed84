export { main, EXIT } from './main.js';
export { loadRules } from './load-rules.js';
export { formatReport, REPORT_FORMATS, type ReportFormat, type ReportOptions, type ReportListing, type ReportTool, type FindingMarks } from './formatters/index.js';
