"use client";
// False on the server and during hydration, true afterwards: controls that need JavaScript appear only once it runs
// (progressive enhancement), without a state update in an effect.
import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
