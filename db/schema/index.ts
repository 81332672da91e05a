export * from "./calendar";
export * from "./cases";
export * from "./catalog";
export * from "./forms";
export * from "./identity";
