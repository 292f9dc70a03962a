"use client";
// After a form comes back refused field by field, the keyboard goes to the first field in error
// (whose error is tied to it with aria-describedby, components/ui/field.tsx), so a keyboard or
// screen-reader user lands where the correction is needed instead of on the button they pressed
// (WCAG 3.3.1, decision 015). A refusal of the whole form (a message, no field) leaves focus as
// it is: the message is announced by its live region.
import { useEffect, useRef, type RefObject } from "react";

export function useFocusFirstInvalid(state: { fieldErrors?: unknown }, existing?: RefObject<HTMLFormElement | null>): RefObject<HTMLFormElement | null> {
  const own = useRef<HTMLFormElement>(null);
  const form = existing ?? own;
  useEffect(() => {
    if (!state.fieldErrors) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state, form]);
  return form;
}
