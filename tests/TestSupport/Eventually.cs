namespace Upt.TestSupport;

/// <summary>Waits for a condition instead of sleeping a fixed time; fails with context when it never holds.</summary>
public static class Eventually
{
    /// <summary>Polls <paramref name="probe"/> until <paramref name="done"/> holds for its value, or throws after <paramref name="timeout"/>.</summary>
    public static async Task<T> WaitAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        var delay = TimeSpan.FromMilliseconds(20);
        T last = await probe();
        while (!done(last))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0.#} s waiting for {what}; last value: {last}");
            }

            await Task.Delay(delay);
            delay = TimeSpan.FromMilliseconds(Math.Min(500, delay.TotalMilliseconds * 1.5));
            last = await probe();
        }

        return last;
    }
}
