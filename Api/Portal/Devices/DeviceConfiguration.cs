using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Api.Portal.Devices;

internal sealed class DeviceConfiguration : IEntityTypeConfiguration<Device>
{
    public void Configure(EntityTypeBuilder<Device> device)
    {
        device.Property(d => d.Name).HasMaxLength(100);
        device.Property(d => d.Type).HasMaxLength(20);
        device.Property(d => d.OperatingSystem).HasMaxLength(100);
        device.Property(d => d.Manufacturer).HasMaxLength(100);
        device.Property(d => d.Model).HasMaxLength(100);
        device.Property(d => d.SerialNumber).HasMaxLength(100);
        device.Property(d => d.IpAddress).HasMaxLength(45);
        // Two paths to the client (directly and through the assignee): neither cascades (SQL Server refuses it).
        device.HasOne(d => d.Client).WithMany().HasForeignKey(d => d.ClientId).OnDelete(DeleteBehavior.Restrict);
        device.HasOne(d => d.AssignedTo).WithMany().HasForeignKey(d => d.AssignedToId).OnDelete(DeleteBehavior.Restrict);
        device.HasIndex(d => new { d.AssignedToId, d.Name });
        device.HasIndex(d => new { d.ClientId, d.Name });
    }
}
