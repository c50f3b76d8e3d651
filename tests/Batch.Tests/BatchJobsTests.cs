using Upt.Grains;
using Upt.Transforms.Records;

namespace Upt.Batch.Tests;

public sealed class BatchJobsTests
{
    [Fact]
    public void Job_names_are_the_business_object_types_and_run_all_jobs()
    {
        Assert.Equal(BusinessObjectTypes.All, BatchJobs.ObjectTypes);
        Assert.Equal([.. BusinessObjectTypes.All, "run-all-jobs"], BatchJobs.Names);
        Assert.Equal("*", BatchJobs.ObjectTypeOf("run-all-jobs"));
        Assert.Equal("hotel_stay", BatchJobs.ObjectTypeOf("hotel_stay"));
        Assert.Null(BatchJobs.ObjectTypeOf("hotel_stays"));
        Assert.Null(BatchJobs.ObjectTypeOf("*"));
        Assert.Equal("run-all-jobs", BatchJobs.NameOf("*"));
    }

    [Fact]
    public void Job_keys_split_back_into_domain_and_type()
    {
        Assert.Equal("demo/*", GrainKeys.BatchJob("demo", BatchJobs.AllTypes));
        Assert.Equal(("demo", "air_booking"), GrainKeys.ParseBatchJob(GrainKeys.BatchJob("demo", "air_booking")));
    }
}
