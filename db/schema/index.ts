export * from "./calendar";
export * from "./cases";
export * from "./catalog";
export * from "./drafts";
export * from "./forms";
export * from "./identity";
export * from "./licences";
export * from "./materials";
