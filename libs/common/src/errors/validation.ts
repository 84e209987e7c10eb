import { ArgumentMetadata, BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { ValidateIf } from 'class-validator';
import { inspectInput } from '../text/safe-text.js';

interface FieldProblem {
  field: string;
  problems: string[];
}

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, problems: Object.values(e.constraints) }] : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/**
 * Before any DTO sees it, every body, query and path value is checked for forbidden characters
 * (NUL, controls, bidi overrides) and nesting deeper than MAX_INPUT_DEPTH: a clear 400 instead of a
 * database error or a stack overflow in the transformer.
 */
class SafeValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
      const found = inspectInput(value, metadata.type === 'param' ? (metadata.data ?? '') : '');
      if (found) {
        throw new BadRequestException({
          message: `Dữ liệu không hợp lệ — ${found.field}: ${found.problem}`,
          details: [{ field: found.field, problems: [found.problem] }],
        });
      }
    }
    return super.transform(value, metadata);
  }
}

/** Whitelist, refuse unknown fields, transform; the message names every field at fault. */
export function createValidationPipe(): ValidationPipe {
  return new SafeValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => {
      const details = flatten(errors);
      const summary = details.map((d) => `${d.field}: ${d.problems.join(', ')}`).join('; ');
      return new BadRequestException({ message: `Dữ liệu không hợp lệ — ${summary}`, details });
    },
  });
}

/**
 * `@IsOptional()` lets `null` through as well as an absent field, and the validators after it are
 * skipped: a PATCH with `"password": null` reached the password policy as null (500). For a field
 * whose absence means "leave it" and that has no null value to set, use this instead: absent is
 * fine, null is judged by the validators that follow (and refused by them).
 */
export function OptionalNotNull(): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined);
}
