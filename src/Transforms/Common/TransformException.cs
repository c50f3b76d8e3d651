namespace Upt.Transforms.Common;

/// <summary>
/// Raised inside a transformer to abort the whole object. Caught once at the entry point and turned into a
/// <see cref="TransformError"/>; exceptions are fine here because they only happen on the rejection path.
/// </summary>
internal sealed class TransformException(string message) : Exception(message);
