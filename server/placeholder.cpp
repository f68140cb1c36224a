// placeholder
namespace perkara::server {}
