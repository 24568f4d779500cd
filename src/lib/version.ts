import { version } from '../../package.json';

/** This package's version (package.json's), e.g. for a log line or a bug report. */
export const VERSION: string = version;
