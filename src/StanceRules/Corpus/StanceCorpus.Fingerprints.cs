using System.Numerics;

namespace StanceRules;

// Fingerprints: of an article id (de-duplication), and of what a report says (conflicting repeats).
public sealed partial class StanceCorpus
{
    // Odd 64-bit multipliers with well-mixed bits (the golden ratio's and two of MurmurHash3's finalizer).
    private const ulong Golden = 0x9E3779B97F4A7C15UL;
    private const ulong MixA = 0xFF51AFD7ED558CCDUL;
    private const ulong MixB = 0xC4CEB9FE1A85EC53UL;

    /// <summary>
    /// A 64-bit hash of the id's UTF-16 code units: four units to a 64-bit lane, each lane
    /// multiplied, rotated and folded into the state, the length first, and the state finished by
    /// an avalanche (MurmurHash3's 64-bit finalizer). Defined on the characters' values, not on
    /// memory, so it is the same in every process, on every machine and runtime, unlike
    /// string.GetHashCode. Not cryptographic: ids made to collide can be found; for ids not chosen
    /// against it, two distinct ids share a fingerprint with probability about 2⁻⁶⁴ each pair,
    /// n²/2⁶⁵ among n ids (3·10⁻⁸ for a million, 3·10⁻⁶ for ten million;
    /// <c>CorpusFingerprintTests</c> finds none among 4 million ids of several shapes). It replaced
    /// the first 8 bytes of a SHA-256, which cost a quarter of adding an event's report.
    /// </summary>
    internal static ulong Fingerprint(ReadOnlySpan<char> id)
    {
        var hash = Finish((ulong)(id.Length + 1) * Golden);
        var i = 0;
        for (; i + 4 <= id.Length; i += 4)
        {
            hash = Round(hash, id[i] | ((ulong)id[i + 1] << 16) | ((ulong)id[i + 2] << 32) | ((ulong)id[i + 3] << 48));
        }

        if (i < id.Length)
        {
            var lane = 0UL;
            for (var shift = 0; i < id.Length; i++, shift += 16)
            {
                lane |= (ulong)id[i] << shift;
            }

            hash = Round(hash, lane);
        }

        return Finish(hash);
    }

    /// <summary>
    /// What a report says, as the corpus counts it: the date and each (country, issue, stance,
    /// confidence in ten-thousandths), as a set: the sum of one hash per stance, so their order
    /// does not matter. It only tells a repeated article id's content from the first's (which
    /// counts either way): a collision can at worst leave a conflicting repeat uncounted.
    /// </summary>
    private static ulong ContentFingerprint(StanceReport report)
    {
        var stances = 0UL;
        foreach (var s in report.Stances)
        {
            var one = Round(Fingerprint(s.Country), Fingerprint(s.Issue));
            stances += Finish(Round(one, ((ulong)(uint)s.Stance << 32) | (uint)CellTally.Level(s.Confidence)));
        }

        return Finish(Round(Finish((ulong)(uint)(report.Published?.DayNumber ?? -1) * Golden), stances));
    }

    private static ulong Round(ulong hash, ulong lane)
    {
        hash ^= BitOperations.RotateLeft(lane * MixB, 31) * Golden;
        return (BitOperations.RotateLeft(hash, 27) * 5) + 0x52DCE729UL;
    }

    private static ulong Finish(ulong hash)
    {
        hash = (hash ^ (hash >> 33)) * MixA;
        hash = (hash ^ (hash >> 33)) * MixB;
        return hash ^ (hash >> 33);
    }
}
