// The UI primitives, importable from one place: import { Button, Input } from "@/components/ui".
export { cn } from "@/components/ui/cn";
export { Alert, FormMessage, type AlertTone } from "@/components/ui/alert";
export { Badge, type BadgeTone } from "@/components/ui/badge";
export { Button, LinkButton, buttonClasses, type ButtonProps, type ButtonVariant, type ButtonSize } from "@/components/ui/button";
export { Card, type CardProps } from "@/components/ui/card";
export { EmptyState } from "@/components/ui/empty-state";
export { Field, Input, Select, Textarea, type InputProps, type SelectOption, type SelectProps, type TextareaProps } from "@/components/ui/field";
export { PageHeader } from "@/components/ui/page-header";
export { Pagination, pageHref } from "@/components/ui/pagination";
export { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
export { SubmitButton } from "@/components/ui/submit-button";
