"use client";

import { useState, type FormEvent } from "react";
import type { FieldErrors } from "@/lib/auth/accounts";
import { signUpAction } from "./actions";

function Field(props: { id: "name" | "email" | "password"; label: string; type: string; autoComplete: string; hint?: string; error?: string }) {
  const describedBy = [props.hint && `${props.id}-hint`, props.error && `${props.id}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={props.id} className="label">
        {props.label}
      </label>
      <input
        id={props.id}
        name={props.id}
        type={props.type}
        autoComplete={props.autoComplete}
        className="input"
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy}
      />
      {props.hint && (
        <p id={`${props.id}-hint`} className="mt-1 text-xs text-slate-500">
          {props.hint}
        </p>
      )}
      {props.error && (
        <p id={`${props.id}-error`} className="mt-1 text-sm text-red-700">
          {props.error}
        </p>
      )}
    </div>
  );
}

export function SignUpForm({ outbox }: { outbox: boolean }) {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setFormError(null);
    const result = await signUpAction(form);
    if (!result.ok) {
      setFieldErrors(result.fieldErrors);
      setFormError(result.formError ?? null);
      setPending(false);
      return;
    }
    setFieldErrors({});
    setSentTo(String(form.get("email") ?? "").trim());
  }

  if (sentTo) {
    return (
      <div role="status" className="space-y-3 rounded-md border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
        <p className="font-medium">Check your email to continue.</p>
        <p>
          We sent a message to <strong>{sentTo}</strong>. Open the link in it to confirm your address, then sign in.
        </p>
        {outbox && (
          <p>
            This server sends no real mail: the message is in the <a href="/dev/outbox" className="underline">outbox</a>.
          </p>
        )}
      </div>
    );
  }

  const errorCount = Object.keys(fieldErrors).length;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {(formError || errorCount > 0) && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {formError ?? "Please fix the highlighted field" + (errorCount > 1 ? "s." : ".")}
        </p>
      )}
      <Field id="name" label="Name (optional)" type="text" autoComplete="name" error={fieldErrors.name} />
      <Field id="email" label="Email" type="email" autoComplete="email" error={fieldErrors.email} />
      <Field id="password" label="Password" type="password" autoComplete="new-password" hint="At least 8 characters." error={fieldErrors.password} />
      <button type="submit" className="btn-primary w-full" disabled={pending}>
        {pending ? "Creating account…" : "Create account"}
      </button>
    </form>
  );
}
