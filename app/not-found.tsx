import Link from "next/link";

export default function NotFound() {
  return (
    <>
      <h1 className="h1">Page not found</h1>
      <p className="mb-4">
        If you typed the web address, check it is correct. If you followed a link, the record may not exist or you
        may not be able to see it.
      </p>
      <p>
        <Link href="/">Go to your home page</Link>
      </p>
    </>
  );
}
