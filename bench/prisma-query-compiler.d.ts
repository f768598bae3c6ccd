/** The part of Prisma's query compiler (WebAssembly) that bench/breakdown.ts counts calls of. */
declare module "@prisma/client/runtime/query_compiler_fast_bg.postgresql.mjs" {
  export class QueryCompiler {
    compile(request: string): string;
  }
}
