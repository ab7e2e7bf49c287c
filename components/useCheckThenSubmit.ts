"use client";
// The two-step flow every request form shares: "Continue" checks the answers on the server (errors, or the preview
// for "check your answers"); "Send" submits once per form, with one idempotency key for every retry.
import { useRef, useState, useTransition } from "react";

export function useCheckThenSubmit<V, R extends { errors: Record<string, string>; preview?: unknown }>(
  check: (values: V) => Promise<R>,
  submit: (values: V, key: string) => Promise<{ errors: Record<string, string> }>,
  order: string[],
) {
  const [result, setResult] = useState<R>({ errors: {} } as R);
  const [step, setStep] = useState<"form" | "check">("form");
  const [pending, start] = useTransition();
  const key = useRef("");
  const errors = [...order, "form"]
    .filter((k) => result.errors[k])
    .map((k) => ({ field: k === "form" ? undefined : k, message: result.errors[k]! }));

  const onContinue = (values: V) => (e: React.FormEvent) => {
    e.preventDefault();
    start(async () => {
      const r = await check(values);
      setResult(r);
      if (r.preview) {
        setStep("check");
        window.scrollTo(0, 0);
      }
    });
  };
  const onSubmit = (values: V) => () => {
    key.current ||= crypto.randomUUID();
    start(async () => {
      // Only errors come back: success redirects to the confirmation page.
      setResult({ errors: (await submit(values, key.current)).errors } as R);
      setStep("form");
    });
  };
  /** Back to the form, focusing the answer to change. */
  const change = (field: string) => {
    setStep("form");
    setTimeout(() => document.getElementById(field)?.focus(), 0);
  };
  return { result, step, pending, errors, onContinue, onSubmit, change };
}
