// The house's arrows, checked by dependency-cruiser (`npm run arrows`; also test/unit/house/arrows.test.ts).
// Rules are written by folder patterns so they hold while files move inside those folders.
const sdks = "(@larksuiteoapi|wechaty[^/]*|file-box|bullmq|ioredis)";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-folder-cycle",
      comment: "No import cycle between folders under src/ (a folder counts everything below it).",
      severity: "error",
      scope: "folder",
      from: { path: "^src/" },
      to: { circular: true },
    },
    {
      name: "no-module-cycle",
      comment:
        "No import cycle between modules at run time (a cycle closed only by `import type` is erased by the compiler; the folder rule still counts it).",
      severity: "error",
      from: { path: "^src/" },
      to: {
        circular: true,
        dependencyTypesNot: ["type-only"],
        viaOnly: { dependencyTypesNot: ["type-only"] },
      },
    },
    {
      name: "handlers-not-to-sdks",
      comment: "Capabilities speak through core ports: no platform SDK, no BullMQ, no Redis client.",
      severity: "error",
      from: { path: "^src/handlers/" },
      to: { path: `(^|/)node_modules/${sdks}/` },
    },
    {
      name: "handlers-not-to-outer-rings",
      comment: "Capabilities do not reach into adapters, the queue or the app.",
      severity: "error",
      from: { path: "^src/handlers/" },
      to: { path: "^src/(bot/adapters|queue|app)/" },
    },
    {
      name: "core-not-to-outer-rings",
      comment: "The core knows no adapter, queue or app.",
      severity: "error",
      from: { path: "^src/bot/core/" },
      to: { path: "^src/(bot/adapters|queue|app)/" },
    },
    {
      name: "core-not-to-sdks",
      comment: "The core knows no platform SDK, BullMQ or Redis client.",
      severity: "error",
      from: { path: "^src/bot/core/" },
      to: { path: `(^|/)node_modules/${sdks}/` },
    },
    {
      name: "config-at-the-bottom",
      comment: "Config is read by everyone and reads neither the bot nor the capabilities.",
      severity: "error",
      from: { path: "^src/config/" },
      to: { path: "^src/(bot|handlers)/" },
    },
    {
      name: "not-to-unresolvable",
      comment: "An import that resolves to nothing is a typo or a missing package.",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "(^|/)node_modules/" },
    exclude: { path: "^src/store/generated/" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    combinedDependencies: false,
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      mainFields: ["module", "main", "types", "typings"],
      extensions: [".ts", ".js", ".mjs", ".cjs", ".json"],
    },
  },
};
