/** Shared pieces of the OpenAPI description: JSON bodies and the problem+json error answers. */
import { z } from '@hono/zod-openapi';

export function jsonContent<T extends z.ZodType>(schema: T, description: string) {
  return { content: { 'application/json': { schema } }, description, required: true };
}

/** `{id}` in a path: a positive whole number. */
export const idParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .meta({ param: { name: 'id', in: 'path' }, example: 1 }),
});

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string(),
    message: z.object({ vi: z.string(), en: z.string() }),
    field: z.string().optional(),
    errors: z
      .array(
        z.object({ field: z.string().optional(), message: z.object({ vi: z.string(), en: z.string() }) }),
      )
      .optional(),
  })
  .meta({ id: 'Problem' });

const problem = (description: string) => ({
  content: { 'application/problem+json': { schema: problemSchema } },
  description,
});

export const problemResponses = {
  404: problem('Not found'),
  409: problem('Conflict'),
  422: problem('Invalid input'),
  500: problem('Internal error'),
};
