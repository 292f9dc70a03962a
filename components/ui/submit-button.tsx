"use client";
// A form's submit button that disables itself and says so while the form is being sent.
import { useFormStatus } from "react-dom";
import { Button, type ButtonProps } from "@/components/ui/button";

export type SubmitButtonProps = Omit<ButtonProps, "type"> & {
  /** Text shown while submitting; defaults to the children. */
  pendingLabel?: string;
};

export function SubmitButton({ children, pendingLabel, disabled, ...props }: SubmitButtonProps) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" disabled={pending || disabled} aria-disabled={pending || disabled} {...props}>
      {pending && (
        <span aria-hidden="true" className="size-3.5 animate-spin rounded-full border-2 border-current border-r-transparent" />
      )}
      {pending && pendingLabel ? pendingLabel : children}
    </Button>
  );
}
