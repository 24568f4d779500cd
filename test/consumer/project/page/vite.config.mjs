// A consumer's plain Vite config: nothing about spatial-mosaic is needed for a production build.
export default { logLevel: 'warn' };
