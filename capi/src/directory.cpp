// The agency directory from C.
#include "internal.hpp"

using namespace sfcore_c;

extern "C" {

int sf_directory_new(sf_directory** out) {
    return call([&] {
        auto& o = need(out, "out");
        o = nullptr;
        o = make_handle<sf_directory>();
    });
}

void sf_directory_free(sf_directory* dir) { free_handle(dir); }

int sf_directory_add_agency(uint32_t* out_id, sf_directory* dir, const char* name, int kind) {
    return call([&] {
        auto& o = need(out_id, "out_id");
        auto d = need(dir, "dir");
        o = d.impl.add(text(name, "name"), enum_from_int<agency_kind>(kind)).value();
    });
}

int sf_directory_find_agency(uint32_t* out_id, const sf_directory* dir, const char* name) {
    return call([&] {
        auto& o = need(out_id, "out_id");
        const auto& d = need(dir, "dir");
        const auto n = checked_utf8(text(name, "name"), "name");
        const auto id = d.impl.find_by_name(n);
        if (!id) throw error(errc::not_found, "no agency named \"" + n + "\"");
        o = id->value();
    });
}

int sf_directory_agency_name(const char** out, const sf_directory* dir, uint32_t agency) {
    return call([&] {
        auto& o = need(out, "out");
        o = need(dir, "dir").impl.at(agency_id{agency}).name.c_str();
    });
}

int sf_directory_agency_info(int* out_kind, int* out_child_welfare, const sf_directory* dir, uint32_t agency) {
    return call([&] {
        const sfcore::agency& a = need(dir, "dir").impl.at(agency_id{agency});
        if (out_kind) *out_kind = static_cast<int>(a.kind);
        if (out_child_welfare) *out_child_welfare = a.child_welfare ? 1 : 0;
    });
}

int sf_directory_agency_former_name(const char** out, const sf_directory* dir, uint32_t agency, size_t index) {
    return call([&] {
        auto& o = need(out, "out");
        const sfcore::agency& a = need(dir, "dir").impl.at(agency_id{agency});
        if (index >= a.former_names.size())
            throw error(errc::not_found, "agency " + std::to_string(agency) + " has no former name " + std::to_string(index));
        o = a.former_names[index].c_str();
    });
}

int sf_directory_rename_agency(sf_directory* dir, uint32_t agency, const char* name) {
    return call([&] { need(dir, "dir").impl.rename(agency_id{agency}, utf8(name, "name")); });
}

int sf_directory_set_child_welfare(sf_directory* dir, uint32_t agency, int child_welfare) {
    return call([&] {
        auto d = need(dir, "dir");
        if (child_welfare != 0 && child_welfare != 1) throw error(errc::invalid_argument, "child_welfare is 0 or 1");
        d.impl.set_child_welfare(agency_id{agency}, child_welfare == 1);
    });
}

int sf_directory_add_practitioner(uint32_t* out_id, sf_directory* dir, uint32_t agency, const char* name) {
    return call([&] {
        auto& o = need(out_id, "out_id");
        auto d = need(dir, "dir");
        o = d.impl.add_practitioner(agency_id{agency}, text(name, "name")).value();
    });
}

int sf_directory_practitioner(const char** out_name, uint32_t* out_agency_id, const sf_directory* dir, uint32_t id) {
    return call([&] {
        auto& o = need(out_name, "out_name");
        const auto& p = need(dir, "dir").impl.practitioner_at(practitioner_id{id});
        o = p.name.c_str();
        if (out_agency_id) *out_agency_id = p.agency.value();
    });
}

int sf_directory_add_site(uint32_t* out_id, sf_directory* dir, int programme_, const char* name, int families, int children) {
    return call([&] {
        auto& o = need(out_id, "out_id");
        auto d = need(dir, "dir");
        o = d.impl.add_site(enum_from_int<programme>(programme_), text(name, "name"), families, children).value();
    });
}

int sf_directory_set_site_targets(sf_directory* dir, uint32_t id, int families, int children) {
    return call([&] { need(dir, "dir").impl.set_site_targets(site_id{id}, families, children); });
}

int sf_directory_site(const char** out_name, int* out_programme, int* out_families, int* out_children, const sf_directory* dir,
                      uint32_t id) {
    return call([&] {
        auto& o = need(out_name, "out_name");
        const auto& s = need(dir, "dir").impl.site_at(site_id{id});
        o = s.name.c_str();
        if (out_programme) *out_programme = static_cast<int>(s.programme);
        if (out_families) *out_families = s.target_families;
        if (out_children) *out_children = s.target_children;
    });
}

int sf_directory_site_count(size_t* out, const sf_directory* dir) {
    return call([&] {
        auto& o = need(out, "out");
        o = need(dir, "dir").impl.sites().size();
    });
}

int sf_directory_add_local_group(uint32_t* out_id, sf_directory* dir, const char* name) {
    return call([&] {
        auto& o = need(out_id, "out_id");
        o = need(dir, "dir").impl.add_local_group(text(name, "name")).value();
    });
}

int sf_directory_local_group(const char** out_name, const sf_directory* dir, uint32_t id) {
    return call([&] {
        auto& o = need(out_name, "out_name");
        o = need(dir, "dir").impl.local_group_at(local_group_id{id}).name.c_str();
    });
}

int sf_directory_local_group_count(size_t* out, const sf_directory* dir) {
    return call([&] {
        auto& o = need(out, "out");
        o = need(dir, "dir").impl.local_groups().size();
    });
}

int sf_directory_set_local_group(sf_directory* dir, uint32_t practitioner, uint32_t group) {
    return call([&] { need(dir, "dir").impl.set_local_group(practitioner_id{practitioner}, local_group_id{group}); });
}

int sf_directory_practitioner_group(uint32_t* out, const sf_directory* dir, uint32_t practitioner) {
    return call([&] {
        auto& o = need(out, "out");
        o = need(dir, "dir").impl.practitioner_at(practitioner_id{practitioner}).local_group.value();
    });
}

int sf_directory_counts(size_t* out_agencies, size_t* out_practitioners, const sf_directory* dir) {
    return call([&] {
        auto& o = need(out_agencies, "out_agencies");
        const auto& d = need(dir, "dir");
        o = d.impl.all().size();
        if (out_practitioners) *out_practitioners = d.impl.practitioners().size();
    });
}

int sf_directory_save(uint8_t** out_data, size_t* out_size, const sf_directory* dir, int encoding) {
    return call([&] {
        need(out_data, "out_data");
        need(out_size, "out_size");
        bytes_out(out_data, out_size, save_archive(need(dir, "dir").impl, encoding_of(encoding)));
    });
}

int sf_directory_load(sf_directory** out, const uint8_t* data, size_t size) {
    return call([&] {
        auto& o = need(out, "out");
        o = nullptr;
        o = make_handle<sf_directory>(load_directory(archive_in(data, size), size));
    });
}

} // extern "C"
