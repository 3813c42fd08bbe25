/* xmllib.h — libxml2 for input_html.c and input_docx.c, opened with dlopen()
 * on the first web page or Word document (xmllib.c) rather than linked.
 *
 * Linked, libxml2 brings ICU and libstdc++ with it, and every run of the
 * program paid for loading and binding them before its first report, HTML
 * or not.  Include this header instead of libxml2's: the libxml2 names the
 * readers use are #defined to the pointers looked up in the library, so
 * their code reads as plain libxml2; call xmllib_load() before any of them. */
#ifndef GK_XMLLIB_H
#define GK_XMLLIB_H

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

/* The functions used, each with the type its libxml2 declaration gives it. */
typedef struct {
    __typeof__(xmlInitParser) *init_parser;
    __typeof__(xmlSetGenericErrorFunc) *set_generic_error_func;
    __typeof__(htmlReadMemory) *html_read_memory;
    __typeof__(xmlReadMemory) *read_memory;
    __typeof__(xmlDocGetRootElement) *doc_get_root_element;
    __typeof__(xmlFreeDoc) *free_doc;
    __typeof__(xmlGetProp) *get_prop;
    __typeof__(xmlHasProp) *has_prop;
    __typeof__(xmlNodeGetContent) *node_get_content;
    xmlFreeFunc *free_var;    /* xmlFree is a variable holding the function that frees libxml2's strings */
} gk_xml_api;

extern gk_xml_api gk_xml;

/* Opens libxml2 and runs xmlInitParser() once per process (thread-safe),
 * then silences libxml2's error messages in the calling thread (its error
 * handler is per thread).  Returns 0, or -1 when libxml2 cannot be loaded
 * (not installed, or listed in GK_HIDE_LIBS: see util_dlload()). */
int xmllib_load(void);

#define xmlInitParser gk_xml.init_parser
#define xmlSetGenericErrorFunc gk_xml.set_generic_error_func
#define htmlReadMemory gk_xml.html_read_memory
#define xmlReadMemory gk_xml.read_memory
#define xmlDocGetRootElement gk_xml.doc_get_root_element
#define xmlFreeDoc gk_xml.free_doc
#define xmlGetProp gk_xml.get_prop
#define xmlHasProp gk_xml.has_prop
#define xmlNodeGetContent gk_xml.node_get_content
#define xmlFree (*gk_xml.free_var)

#endif
