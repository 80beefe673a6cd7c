using System.Collections.Concurrent;

namespace Workbridge.Web.Access;

/// <summary>
/// Slows password guessing: after 5 failures for one user name, or 20 from one address, within 15 minutes, further
/// attempts are refused until the oldest failure is 15 minutes old. A success clears the user name's count.
/// </summary>
public sealed class LoginThrottle(TimeProvider clock)
{
    public const int PerName = 5;
    public const int PerAddress = 20;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _failures = new(StringComparer.Ordinal);

    /// <summary>How long until another attempt is allowed; zero when it is allowed now.</summary>
    public TimeSpan Wait(string userName, string address)
    {
        var now = clock.GetUtcNow();
        return new[] { Wait("name:" + userName.Trim().ToLowerInvariant(), PerName, now), Wait("address:" + address, PerAddress, now) }.Max();
    }

    public void Failed(string userName, string address)
    {
        var now = clock.GetUtcNow();
        foreach (var key in new[] { "name:" + userName.Trim().ToLowerInvariant(), "address:" + address })
        {
            var queue = _failures.GetOrAdd(key, _ => new Queue<DateTimeOffset>());
            lock (queue)
            {
                queue.Enqueue(now);
            }
        }
    }

    public void Succeeded(string userName) => _failures.TryRemove("name:" + userName.Trim().ToLowerInvariant(), out _);

    private TimeSpan Wait(string key, int limit, DateTimeOffset now)
    {
        if (!_failures.TryGetValue(key, out var queue))
        {
            return TimeSpan.Zero;
        }

        lock (queue)
        {
            while (queue.Count > 0 && now - queue.Peek() >= Window)
            {
                queue.Dequeue();
            }

            if (queue.Count == 0)
            {
                // Forget names and addresses with no recent failure, so the table does not grow for ever.
                _failures.TryRemove(new KeyValuePair<string, Queue<DateTimeOffset>>(key, queue));
            }

            return queue.Count < limit ? TimeSpan.Zero : Window - (now - queue.Peek());
        }
    }
}
