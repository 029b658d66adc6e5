/** Errors shaped like Office.js's OfficeExtension.Error: a `code` string, a message and debug info. */
export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };

  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

export function propertyNotLoaded(property: string, objectName: string): FakeOfficeError {
  return new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${property}' is not available. Before reading the property's value, call the load method on the ` +
      `containing object and call "context.sync()" on the associated request context.`,
    `${objectName}.${property}`,
  );
}

export function invalidArgument(detail: string, location?: string): FakeOfficeError {
  return new FakeOfficeError(
    'InvalidArgument',
    `The argument is invalid or missing or has an incorrect format. ${detail}`,
    location,
  );
}

export function itemNotFound(detail: string, location?: string): FakeOfficeError {
  return new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist. ${detail}`, location);
}

export function accessDenied(sheet: string, location?: string): FakeOfficeError {
  return new FakeOfficeError(
    'AccessDenied',
    `You cannot perform the requested operation: the sheet "${sheet}" is protected.`,
    location,
  );
}

export function invalidOperation(detail: string, location?: string): FakeOfficeError {
  return new FakeOfficeError(
    'InvalidOperation',
    `The operation is invalid for the object. ${detail}`,
    location,
  );
}
