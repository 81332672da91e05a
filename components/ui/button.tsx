import type { ButtonHTMLAttributes } from "react";

const variants = {
  primary: "bg-go text-white shadow-[0_2px_0_var(--color-go-dark)] hover:bg-go-dark",
  secondary: "bg-panel text-ink shadow-[0_2px_0_#929191] hover:bg-[#dbdad9]",
  warning: "bg-danger text-white shadow-[0_2px_0_#55070e] hover:bg-[#8e0b18]",
} as const;

export function buttonClass(variant: keyof typeof variants = "primary") {
  return `inline-block cursor-pointer border-2 border-transparent px-4 py-2 text-center font-semibold leading-snug no-underline ${variants[variant]} disabled:cursor-not-allowed disabled:opacity-50`;
}

export function Button({
  variant = "primary",
  className = "",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: keyof typeof variants }) {
  return <button type="submit" {...props} className={`${buttonClass(variant)} ${className}`} />;
}
