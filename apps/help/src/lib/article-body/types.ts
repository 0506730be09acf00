/** A compiled article body: HTML strings and the components between them, ready to render. */

/** Literal values a component prop may take in an article (no expressions). */
export type PropValue = string | number | boolean;

export type BodyPart =
  | { readonly html: string }
  | {
      readonly component: string;
      readonly props: Readonly<Record<string, PropValue>>;
      readonly children: readonly BodyPart[];
    };

export interface Heading {
  readonly depth: number;
  readonly slug: string;
  readonly text: string;
}

export interface ArticleBody {
  readonly parts: readonly BodyPart[];
  readonly headings: readonly Heading[];
}
