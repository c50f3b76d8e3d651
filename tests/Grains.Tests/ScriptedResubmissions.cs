using System.Collections.Concurrent;

namespace Upt.Grains.Tests;

/// <summary>
/// The script of <see cref="ScriptedResubmitter"/>, per error record: how many of its re-submissions fail before one
/// goes through (int.MaxValue: all), and how many were tried.
/// </summary>
public sealed class ScriptedResubmissions
{
    private readonly ConcurrentDictionary<string, int> _failures = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);

    /// <summary>The first <paramref name="times"/> re-submissions of <paramref name="errorId"/> throw.</summary>
    public void Fail(string errorId, int times) => _failures[errorId] = times;

    /// <summary>How many times <paramref name="errorId"/> was re-submitted.</summary>
    public int Calls(string errorId) => _calls.GetValueOrDefault(errorId);

    /// <summary>Counts a re-submission of <paramref name="errorId"/>; true when it must fail.</summary>
    internal bool NextFails(string errorId) => _calls.AddOrUpdate(errorId, 1, (_, n) => n + 1) <= _failures.GetValueOrDefault(errorId);
}
