// Auth.js endpoints (session, CSRF, callbacks); sign-in itself goes through the login form's action.
import { handlers } from "@/lib/auth/auth";

export const { GET, POST } = handlers;
