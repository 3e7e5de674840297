// Module kinds that Vite resolves at build time (the project's tsconfig does not load vite/client's types).
declare module '*?url' {
  const url: string;
  export default url;
}
declare module '*.css' {}
