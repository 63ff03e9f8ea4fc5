#include "firmware/kioskctl/render.hpp"

#include <algorithm>
#include <sstream>
#include <vector>

namespace kiosk::kioskctl {
namespace {

using nlohmann::json;

bool is_scalar(const json& v) {
  return !v.is_object() && !v.is_array();
}

bool is_record_list(const json& v) {
  return v.is_array() && !v.empty() &&
         std::all_of(v.begin(), v.end(), [](const json& e) { return e.is_object(); });
}

std::string cell(const json& v) {
  if (is_scalar(v)) return render_scalar(v);
  if (v.is_array() && std::all_of(v.begin(), v.end(), is_scalar)) {
    std::string s;
    for (const auto& e : v) s += (s.empty() ? "" : ",") + render_scalar(e);
    return s;
  }
  return v.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string rtrim(std::string s) {
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

void table(const json& rows, const std::string& indent, std::ostringstream& out) {
  std::vector<std::string> columns;
  for (const auto& row : rows) {
    for (const auto& item : row.items()) {
      if (std::find(columns.begin(), columns.end(), item.key()) == columns.end()) {
        columns.push_back(item.key());
      }
    }
  }
  std::vector<std::vector<std::string>> cells;
  std::vector<std::size_t> width;
  for (const auto& c : columns) width.push_back(c.size());
  for (const auto& row : rows) {
    std::vector<std::string> line;
    for (std::size_t i = 0; i < columns.size(); ++i) {
      auto it = row.find(columns[i]);
      line.push_back(it == row.end() ? "" : cell(*it));
      width[i] = std::max(width[i], line.back().size());
    }
    cells.push_back(std::move(line));
  }
  auto emit = [&](const std::vector<std::string>& line) {
    std::string s = indent;
    for (std::size_t i = 0; i < line.size(); ++i) {
      s += line[i];
      if (i + 1 < line.size()) s += std::string(width[i] - line[i].size() + 2, ' ');
    }
    out << rtrim(s) << '\n';
  };
  std::vector<std::string> header;
  for (const auto& c : columns) {
    std::string h = c;
    std::transform(h.begin(), h.end(), h.begin(),
                   [](unsigned char ch) { return static_cast<char>(std::toupper(ch)); });
    header.push_back(h);
  }
  emit(header);
  for (const auto& line : cells) emit(line);
}

void render(const json& v, const std::string& indent, std::ostringstream& out) {
  if (is_record_list(v)) {
    table(v, indent, out);
    return;
  }
  if (v.is_array()) {
    if (v.empty()) {
      out << indent << "(none)\n";
      return;
    }
    for (const auto& e : v) {
      if (is_scalar(e)) {
        out << indent << "- " << render_scalar(e) << '\n';
      } else {
        out << indent << "-\n";
        render(e, indent + "  ", out);
      }
    }
    return;
  }
  if (!v.is_object()) {
    out << indent << render_scalar(v) << '\n';
    return;
  }
  std::size_t key_width = 0;
  for (const auto& item : v.items()) key_width = std::max(key_width, item.key().size());
  for (const auto& item : v.items()) {
    const json& value = item.value();
    std::string label = item.key() + ":";
    if (is_scalar(value) || (value.is_array() && !is_record_list(value) &&
                             std::all_of(value.begin(), value.end(), is_scalar))) {
      std::string text = value.is_array() && value.empty() ? "(none)" : cell(value);
      if (value.is_array() && !value.empty()) {
        text.clear();
        for (const auto& e : value) text += (text.empty() ? "" : ", ") + render_scalar(e);
      }
      out << indent << label << std::string(key_width + 3 - label.size(), ' ') << text << '\n';
    } else if (value.is_object() && value.empty()) {
      out << indent << label << std::string(key_width + 3 - label.size(), ' ') << "-\n";
    } else {
      out << indent << label << '\n';
      render(value, indent + "  ", out);
    }
  }
}

}  // namespace

std::string render_scalar(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_null()) return "-";
  if (v.is_boolean()) return v.get<bool>() ? "yes" : "no";
  return v.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string render_human(const json& value) {
  std::ostringstream out;
  render(value, "", out);
  return out.str();
}

}  // namespace kiosk::kioskctl
