namespace Upt.Batch.Lines;

/// <summary>What a line of a batch file is read against.</summary>
/// <param name="Domain">The job's domain; every record must belong to it.</param>
/// <param name="ObjectType">The job's business object type, or null for a job over envelopes of every type.</param>
/// <param name="FileDate">The day of the file's date folders: the envelope timestamp of objects that come without one.</param>
/// <param name="SourceId">The line's stable source id (<c>batch/{source}/{path}#L{n}</c>), from which a wrapped object's uid derives.</param>
public sealed record LineContext(string Domain, string? ObjectType, DateOnly FileDate, string SourceId);
