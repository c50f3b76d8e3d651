namespace Upt.Grains.Batch;

/// <summary>A batch run cannot go on (a chunk failed every attempt); its message is the run's <c>LastError</c>.</summary>
internal sealed class BatchRunException(string message, Exception inner) : Exception(message, inner);
