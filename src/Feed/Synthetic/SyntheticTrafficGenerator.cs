using System.Text.Json.Nodes;
using Upt.Feed.Envelopes;

namespace Upt.Feed.Synthetic;

/// <summary>
/// Deterministic synthetic UPT traffic: a pool of about count/4 travellers, each referenced by many objects of all
/// 7 types over time (profiles, bookings, stays, service interactions, clickstream sessions), wrapped in envelopes.
/// The same seed and domain always give the same bytes.
/// </summary>
public sealed class SyntheticTrafficGenerator
{
    // Relative weights: behavioural events dominate, profiles are rare (as in a real feed).
    private static readonly (string Type, int Weight)[] Mix =
    [
        ("clickstream", 40), ("air_booking", 14), ("hotel_booking", 14), ("hotel_stay", 10),
        ("customer_service_interaction", 8), ("pax_profile", 7), ("guest_profile", 7),
    ];

    private static readonly DateTimeOffset Epoch = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly int _seed;
    private readonly string _domain;

    /// <summary>A generator for <paramref name="domain"/>; <paramref name="seed"/> fixes every value.</summary>
    public SyntheticTrafficGenerator(int seed, string domain)
    {
        ArgumentException.ThrowIfNullOrEmpty(domain);
        _seed = seed;
        _domain = domain;
    }

    /// <summary>Generates <paramref name="count"/> envelopes, timestamps increasing, lazily.</summary>
    public IEnumerable<GeneratedEnvelope> Generate(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var random = new Random(_seed);
        var people = new SyntheticPerson[Math.Max(1, count / 4)];
        for (var i = 0; i < people.Length; i++)
        {
            people[i] = SyntheticPerson.Create(random, i + (int)((uint)_seed % 100_000));
        }

        var factory = new ObjectFactory(random);
        var sessions = new int[people.Length];
        var totalWeight = Mix.Sum(m => m.Weight);
        var at = Epoch;
        for (var n = 0; n < count; n++)
        {
            // Seconds-to-minutes gaps keep one traveller's objects ordered in time across the whole run.
            at = at.AddSeconds(random.Next(1, 240)).AddTicks(random.Next(0, 10_000_000) / 10 * 10);
            var stamp = EnvelopeWriter.FormatTimestamp(at);
            var personIndex = Skewed(random, people.Length);
            var person = people[personIndex];
            var type = PickType(random, totalWeight);
            if (random.Next(6) == 0)
            {
                sessions[personIndex]++;
            }

            var sessionId = EnvelopeWriter.DeterministicUid($"{_seed}/session/{person.Id}/{sessions[personIndex]}");
            var serial = n + 1;
            JsonObject data;
            var partitionKey = person.Id;
            switch (type)
            {
                case "clickstream":
                    data = factory.Clickstream(person, sessionId, stamp, identified: random.Next(3) != 0);
                    break;
                case "air_booking":
                    var companion = random.Next(4) == 0 ? people[random.Next(people.Length)] : null;
                    data = factory.AirBooking(person, companion == person ? null : companion, stamp, serial);
                    break;
                case "hotel_booking":
                    data = factory.HotelBooking(person, stamp, serial);
                    break;
                case "hotel_stay":
                    // A few walk-in stays carry no guest id; the transform derives a deterministic traveller for them.
                    var anonymous = random.Next(20) == 0;
                    data = factory.HotelStay(anonymous ? null : person, stamp, serial);
                    partitionKey = anonymous ? $"stay-ST{serial:000000}" : person.Id;
                    break;
                case "customer_service_interaction":
                    data = factory.CustomerServiceInteraction(person, sessionId, EnvelopeWriter.FormatTimestamp(at.AddMinutes(-5)), stamp);
                    break;
                case "pax_profile":
                    data = factory.PaxProfile(person, stamp);
                    break;
                default:
                    data = factory.GuestProfile(person, stamp);
                    break;
            }

            var uid = EnvelopeWriter.DeterministicUid($"{_seed}/{_domain}/{serial}");
            yield return new GeneratedEnvelope(type, partitionKey, EnvelopeWriter.Wrap(type, _domain, data, at, uid));
        }
    }

    private static string PickType(Random random, int totalWeight)
    {
        var roll = random.Next(totalWeight);
        foreach (var (type, weight) in Mix)
        {
            if (roll < weight)
            {
                return type;
            }

            roll -= weight;
        }

        return Mix[0].Type;
    }

    /// <summary>Squared uniform index: some travellers are frequent, most are occasional.</summary>
    private static int Skewed(Random random, int size)
    {
        var u = random.NextDouble();
        return Math.Min(size - 1, (int)(u * u * size));
    }
}
